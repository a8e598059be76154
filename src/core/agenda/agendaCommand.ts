import { type LocalDate, parseLocalDate } from '../ids.js';
import { escapePlain } from '../mrkdwn.js';
import { ORDER_MAX, SHIFTS, type ShiftTo } from './agendaOrder.js';
import { charactersOver } from './characters.js';
import { parseTimebox, timeboxProblem } from './timebox.js';

/**
 * What `/agenda …` asked for. Parsing is total: every text maps to exactly one of these.
 * `date` undefined means "the current meeting": for `add` the next one that has not
 * started; for the others the one in progress, else the next.
 */
export type AgendaCommand =
  | { readonly kind: 'open-modal' }
  | {
      readonly kind: 'add';
      readonly topic: string;
      readonly date: LocalDate | undefined;
      /** `… for 15m`: minutes, 1–240. */
      readonly timeboxMinutes?: number;
    }
  | { readonly kind: 'list'; readonly date: LocalDate | undefined }
  | { readonly kind: 'remove'; readonly number: number; readonly date: LocalDate | undefined }
  | { readonly kind: 'move'; readonly number: number; readonly date: LocalDate }
  /** `/agenda move <n> top|up|down|bottom`: within the current meeting (leads). */
  | { readonly kind: 'shift'; readonly number: number; readonly to: ShiftTo }
  /** `/agenda order 3 1 2`: the current meeting's open items in a new order (leads). */
  | { readonly kind: 'order'; readonly numbers: readonly number[] }
  | { readonly kind: 'done'; readonly number: number; readonly date: LocalDate | undefined }
  /** `unknown` is the word that was not a sub-command, if any. */
  | { readonly kind: 'help'; readonly unknown?: string }
  | { readonly kind: 'invalid'; readonly message: string };

export const TOPIC_MAX = 300;
export const DETAILS_MAX = 2000;

const ITEM_NUMBER = /^#?(\d{1,4})$/;
const TRAILING_FOR = /(?:^|\s+)for\s+(\S+)$/i;
const LOOKS_LIKE_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

export function parseAgendaCommand(text: string): AgendaCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'open-modal' };
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const args = trimmed.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case 'add':
      return parseAdd(args);
    case 'list':
    case 'ls':
      return parseList(args);
    case 'remove':
    case 'rm':
    case 'delete':
      return parseNumbered(rest, 'remove', (number, date) => ({ kind: 'remove', number, date }));
    case 'done':
    case 'covered':
      return parseNumbered(rest, 'done', (number, date) => ({ kind: 'done', number, date }));
    case 'move':
    case 'mv':
      return parseMove(rest);
    case 'order':
      return parseOrder(args);
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: head.slice(0, 30) };
  }
}

/** A topic is 1–300 characters after trimming; shared by the command and the modal. */
export function validateTopic(
  topic: string,
): { ok: true; topic: string } | { ok: false; reason: 'empty' | 'too-long'; message: string } {
  const t = topic.trim();
  if (t.length === 0)
    return { ok: false, reason: 'empty', message: 'Say what the topic is: `/agenda add <topic>`.' };
  const length = charactersOver(t, TOPIC_MAX);
  if (length !== undefined) {
    return {
      ok: false,
      reason: 'too-long',
      message: `That topic is ${length} characters; the limit is ${TOPIC_MAX}. Put the details in a link, or use \`/agenda\` for the form with a details field (up to ${DETAILS_MAX}).`,
    };
  }
  return { ok: true, topic: t };
}

/** Details are optional (empty means none) and at most 2,000 characters after trimming. */
export function validateDetails(
  details: string | null | undefined,
): { ok: true; details: string | null } | { ok: false; message: string } {
  const d = (details ?? '').trim();
  if (d === '') return { ok: true, details: null };
  const length = charactersOver(d, DETAILS_MAX);
  if (length !== undefined) {
    return { ok: false, message: `The details are ${length} characters; the limit is ${DETAILS_MAX}.` };
  }
  return { ok: true, details: d };
}

/**
 * `<topic> [for <date>] [for <duration>]`, the two trailing clauses in either order. A `for`
 * followed by anything else (`Plan for Q3`) is part of the topic.
 */
function parseAdd(args: string): AgendaCommand {
  let topic = args;
  let date: LocalDate | undefined;
  let timeboxMinutes: number | undefined;
  for (let clauses = 0; clauses < 2; clauses++) {
    const m = TRAILING_FOR.exec(topic);
    if (!m) break;
    const word = m[1]!;
    if (date === undefined && LOOKS_LIKE_DATE.test(word)) {
      date = parseLocalDate(word);
      if (!date) return notADate(word, 'add Topic for 2026-12-03');
    } else if (timeboxMinutes === undefined && parseTimebox(word) !== undefined) {
      timeboxMinutes = parseTimebox(word)!;
      const problem = timeboxProblem(timeboxMinutes);
      if (problem)
        return { kind: 'invalid', message: `${problem} E.g. \`/agenda add Release plan for 15m\`.` };
    } else break;
    topic = topic.slice(0, m.index);
  }
  const v = validateTopic(topic);
  if (!v.ok) return { kind: 'invalid', message: v.message };
  return timeboxMinutes === undefined
    ? { kind: 'add', topic: v.topic, date }
    : { kind: 'add', topic: v.topic, date, timeboxMinutes };
}

function parseList(args: string): AgendaCommand {
  if (args === '') return { kind: 'list', date: undefined };
  const date = parseLocalDate(args);
  return date
    ? { kind: 'list', date }
    : {
        kind: 'invalid',
        message: `\`${quote(args)}\` is not a date. Use \`/agenda list\` or \`/agenda list 2026-12-03\`.`,
      };
}

function parseMove(rest: readonly string[]): AgendaCommand {
  const [n, d, ...extra] = rest;
  const number = itemNumber(n);
  const usage =
    'Use `/agenda move <n> <YYYY-MM-DD>` to move an item to another meeting, or `/agenda move <n> top|up|down|bottom` to change its place, e.g. `/agenda move 2 top`.';
  if (number === undefined || d === undefined || extra.length > 0) return { kind: 'invalid', message: usage };
  const to = SHIFTS.find((s) => s === d.toLowerCase());
  if (to) return { kind: 'shift', number, to };
  if (!LOOKS_LIKE_DATE.test(d))
    return {
      kind: 'invalid',
      message: `\`${quote(d)}\` is neither a date nor top, up, down or bottom. ${usage}`,
    };
  const date = parseLocalDate(d);
  if (!date) return notADate(d, 'move 2 2026-12-03');
  return { kind: 'move', number, date };
}

/** `3 1 2`, `3, 1, 2` or `#3 #1 #2`: every open item's number once, in the new order. */
function parseOrder(args: string): AgendaCommand {
  const words = args.split(/[\s,]+/).filter((w) => w !== '');
  const usage =
    'Use `/agenda order <n> <n> …` with every item still to discuss, in the new order, e.g. `/agenda order 3 1 2`.';
  if (words.length === 0) return { kind: 'invalid', message: usage };
  if (words.length > ORDER_MAX) return { kind: 'invalid', message: `At most ${ORDER_MAX} numbers. ${usage}` };
  const numbers: number[] = [];
  for (const w of words) {
    const n = itemNumber(w);
    if (n === undefined)
      return { kind: 'invalid', message: `\`${quote(w)}\` is not an item number. ${usage}` };
    numbers.push(n);
  }
  return { kind: 'order', numbers };
}

/** `<n>` with an optional `<YYYY-MM-DD>` naming another meeting than the current one. */
function parseNumbered(
  rest: readonly string[],
  verb: string,
  make: (n: number, date: LocalDate | undefined) => AgendaCommand,
): AgendaCommand {
  const [n, d, ...extra] = rest;
  const number = itemNumber(n);
  if (number === undefined || extra.length > 0) {
    return {
      kind: 'invalid',
      message: `Use \`/agenda ${verb} <n>\` with the item's number from \`/agenda list\`, e.g. \`/agenda ${verb} 2\`.`,
    };
  }
  if (d === undefined) return make(number, undefined);
  const date = parseLocalDate(d);
  return date ? make(number, date) : notADate(d, `${verb} ${number} 2026-12-03`);
}

function itemNumber(word: string | undefined): number | undefined {
  const m = word === undefined ? null : ITEM_NUMBER.exec(word);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : undefined;
}

const notADate = (word: string, example: string): AgendaCommand => ({
  kind: 'invalid',
  message: `\`${quote(word)}\` is not a date. Use YYYY-MM-DD, e.g. \`/agenda ${example}\`.`,
});

/** A bit of what the user typed, safe to show back inside a code span. */
const quote = (word: string) => escapePlain(word.slice(0, 40).replace(/`/g, "'"));
