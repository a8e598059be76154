import { type LocalDate, parseLocalDate } from '../ids.js';

/** What `/agenda …` asked for. Parsing is total: every text maps to exactly one of these. */
export type AgendaCommand =
  | { readonly kind: 'open-modal' }
  | { readonly kind: 'add'; readonly topic: string; readonly date: LocalDate | undefined }
  | { readonly kind: 'list'; readonly date: LocalDate | undefined }
  | { readonly kind: 'remove'; readonly number: number }
  | { readonly kind: 'move'; readonly number: number; readonly date: LocalDate }
  | { readonly kind: 'done'; readonly number: number }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };

export const TOPIC_MAX = 300;
export const DETAILS_MAX = 2000;

const ITEM_NUMBER = /^#?(\d{1,4})$/;
const TRAILING_DATE = /\s+for\s+(\d{4}-\d{2}-\d{2})$/i;

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
      return withNumber(rest, 'remove <n>', (number) => ({ kind: 'remove', number }));
    case 'done':
    case 'covered':
      return withNumber(rest, 'done <n>', (number) => ({ kind: 'done', number }));
    case 'move':
      return parseMove(rest);
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help' };
  }
}

/** A topic is 1–300 characters after trimming; shared by the command and the modal. */
export function validateTopic(topic: string): { ok: true; topic: string } | { ok: false; message: string } {
  const t = topic.trim();
  if (t.length === 0) return { ok: false, message: 'Say what the topic is: `/agenda add <topic>`.' };
  if (t.length > TOPIC_MAX) {
    return {
      ok: false,
      message: `That topic is ${t.length} characters; the limit is ${TOPIC_MAX}. Put the details in a link or use \`/agenda\` for the form with a details field.`,
    };
  }
  return { ok: true, topic: t };
}

function parseAdd(args: string): AgendaCommand {
  let topic = args;
  let date: LocalDate | undefined;
  const m = TRAILING_DATE.exec(args);
  if (m) {
    date = parseLocalDate(m[1]!);
    if (!date)
      return { kind: 'invalid', message: `${m[1]} is not a date. Use YYYY-MM-DD, e.g. \`for 2026-12-03\`.` };
    topic = args.slice(0, m.index);
  }
  const v = validateTopic(topic);
  return v.ok ? { kind: 'add', topic: v.topic, date } : { kind: 'invalid', message: v.message };
}

function parseList(args: string): AgendaCommand {
  if (args === '') return { kind: 'list', date: undefined };
  const date = parseLocalDate(args);
  return date
    ? { kind: 'list', date }
    : {
        kind: 'invalid',
        message: `\`${args.slice(0, 40)}\` is not a date. Use \`/agenda list\` or \`/agenda list 2026-12-03\`.`,
      };
}

function parseMove(rest: readonly string[]): AgendaCommand {
  const [n, d, ...extra] = rest;
  const number = n ? ITEM_NUMBER.exec(n) : null;
  const date = d ? parseLocalDate(d) : undefined;
  if (!number || !date || extra.length > 0) {
    return {
      kind: 'invalid',
      message: 'Use `/agenda move <n> <YYYY-MM-DD>`, e.g. `/agenda move 2 2026-12-03`.',
    };
  }
  return { kind: 'move', number: Number(number[1]), date };
}

function withNumber(
  rest: readonly string[],
  usage: string,
  make: (n: number) => AgendaCommand,
): AgendaCommand {
  const m = rest.length === 1 ? ITEM_NUMBER.exec(rest[0]!) : null;
  if (!m || Number(m[1]) < 1)
    return {
      kind: 'invalid',
      message: `Use \`/agenda ${usage}\` with the item's number from \`/agenda list\`.`,
    };
  return make(Number(m[1]));
}
