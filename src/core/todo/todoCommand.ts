import { clipCharacters } from '../agenda/characters.js';
import type { LocalDate, SlackUserId } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { zonedDate } from '../slackDate.js';
import { dueLabel } from './localDates.js';
import { leadingMentions, singleMention } from './mentions.js';
import { opensDatePhrase, parseWhen, quote, WHEN_FORMS, type WhenContext } from './parseWhen.js';
import { probableSubcommand } from './subcommandTypo.js';
import { ownersProblem, validateTodoText } from './todoBounds.js';

export type TodoListFilter =
  /** `/todo list`: every open item of the group. */
  | { readonly kind: 'open' }
  | { readonly kind: 'mine' }
  | { readonly kind: 'owner'; readonly user: SlackUserId }
  /** Open and done. */
  | { readonly kind: 'all' }
  | { readonly kind: 'done' };

/** An action item to record. */
export interface TodoItemCommand {
  readonly kind: 'create';
  /** Never empty: without mentions, the author owns the item. */
  readonly owners: readonly SlackUserId[];
  readonly text: string;
  readonly due: LocalDate | undefined;
}

/** What `/todo …` asked for. Parsing is total: every text maps to exactly one of these. */
export type TodoCommand =
  | TodoItemCommand
  /**
   * Probably not meant as an item (a mistyped subcommand, or one or two words and no owner):
   * ask first. `question` is mrkdwn, with what was typed escaped.
   */
  | { readonly kind: 'confirm'; readonly question: string; readonly item: TodoItemCommand }
  | { readonly kind: 'open-modal' }
  | { readonly kind: 'list'; readonly filter: TodoListFilter }
  | { readonly kind: 'done'; readonly number: number }
  | { readonly kind: 'reopen'; readonly number: number }
  | { readonly kind: 'edit'; readonly number: number; readonly text: string }
  | { readonly kind: 'help' }
  | InvalidCommand;

export interface InvalidCommand {
  readonly kind: 'invalid';
  readonly message: string;
}

export interface TodoContext extends WhenContext {
  readonly authorId: SlackUserId;
}

const ITEM_NUMBER = /^#?(\d{1,6})$/;
/** The last ` by ` of the text starts its due date. */
const TRAILING_BY = /(?:^|\s+)by\s+(?!.*\s+by\s)(.+)$/i;

export function parseTodoCommand(text: string, ctx: TodoContext): TodoCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'open-modal' };
  const mentions = leadingMentions(trimmed);
  if (!mentions.ok) return notAMention(mentions.word);
  if (mentions.users.length > 0) return parseCreate(mentions.users, mentions.rest, ctx);
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const args = trimmed.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case 'list':
    case 'ls':
      return parseList(args);
    case 'done':
    case 'close':
      return numbered(rest, 'done', (number) => ({ kind: 'done', number }));
    case 'reopen':
      return numbered(rest, 'reopen', (number) => ({ kind: 'reopen', number }));
    case 'edit':
      return parseEdit(args);
    case 'help':
      return { kind: 'help' };
    default:
      return askFirst(head, rest, parseCreate([], trimmed, ctx), ctx);
  }
}

/**
 * The text read as an action item, whatever its first word: what "Record it anyway" records,
 * checked again when it is pressed.
 */
export function parseTodoItem(text: string, ctx: TodoContext): TodoItemCommand | InvalidCommand {
  const mentions = leadingMentions(text.trim());
  if (!mentions.ok) return notAMention(mentions.word);
  return parseCreate(mentions.users, mentions.rest, ctx);
}

/** Items of at most this many words that name no owner are asked about first. */
export const SHORT_ITEM_WORDS = 2;

/**
 * An item typed without an owner becomes an issue for everyone to see, so two likely
 * mistakes are asked about first: a first word one or two letters off a subcommand
 * (`lsit`, `dnoe 3`), and an item of one or two words (`frobnicate`).
 */
function askFirst(
  head: string,
  rest: readonly string[],
  item: TodoItemCommand | InvalidCommand,
  ctx: TodoContext,
): TodoCommand {
  const meant = probableSubcommand(head, rest);
  if (meant) {
    const typed = [meant, ...rest].join(' ');
    const didYouMean = `Did you mean \`/todo ${quote(typed)}\`? Nothing was recorded.`;
    if (item.kind !== 'create') return invalid(didYouMean);
    return {
      kind: 'confirm',
      question: `${didYouMean} Or record ${described(item, ctx)} as an action item for you?`,
      item,
    };
  }
  if (item.kind === 'create' && item.text.split(/\s+/).length <= SHORT_ITEM_WORDS) {
    return {
      kind: 'confirm',
      question: `Record ${described(item, ctx)} as an action item for you? Nothing is recorded yet. Next time name the owner and say what needs doing, e.g. \`/todo @alice Write the blog post by Dec 7\`, and gavel records it straight away.`,
      item,
    };
  }
  return item;
}

/** “lsit”, “frobnicate” (due Thu Nov 26): what was typed, escaped and cut short, with its date. */
function described(item: TodoItemCommand, ctx: TodoContext): string {
  const text = clipCharacters(item.text, 80);
  const due = item.due ? ` (due ${dueLabel(item.due, zonedDate(ctx.now, ctx.timeZone))})` : '';
  return `“${escapeMrkdwn(text)}”${due}`;
}

function parseCreate(
  owners: readonly SlackUserId[],
  words: string,
  ctx: TodoContext,
): TodoItemCommand | InvalidCommand {
  const problem = ownersProblem(owners.length);
  if (problem) return invalid(problem);
  let text = words;
  let due: LocalDate | undefined;
  const by = TRAILING_BY.exec(words);
  if (by) {
    const phrase = by[1]!.trim();
    const when = parseWhen(phrase, ctx);
    if (when.kind === 'invalid') return invalid(when.message);
    if (when.kind === 'date') {
      due = when.date;
      text = words.slice(0, by.index);
    } else if (opensDatePhrase(phrase)) {
      return invalid(`I could not read \`${quote(phrase)}\` as a date. Try ${WHEN_FORMS}.`);
    }
  }
  const checked = validateTodoText(text);
  if (!checked.ok) return invalid(checked.message);
  return {
    kind: 'create',
    owners: owners.length > 0 ? owners : [ctx.authorId],
    text: checked.text,
    due,
  };
}

function parseList(args: string): TodoCommand {
  switch (args.toLowerCase()) {
    case '':
    case 'open':
      return { kind: 'list', filter: { kind: 'open' } };
    case 'mine':
    case 'me':
      return { kind: 'list', filter: { kind: 'mine' } };
    case 'all':
      return { kind: 'list', filter: { kind: 'all' } };
    case 'done':
    case 'closed':
      return { kind: 'list', filter: { kind: 'done' } };
  }
  const user = singleMention(args);
  if (user) return { kind: 'list', filter: { kind: 'owner', user } };
  return invalid(
    `Use \`/todo list\`, \`/todo list mine\`, \`/todo list @someone\`, \`/todo list all\` or \`/todo list done\`. To record an item that starts with “list”, name its owner first: \`/todo @you list …\`.`,
  );
}

function parseEdit(args: string): TodoCommand {
  const [n = '', ...words] = args.split(/\s+/);
  const number = itemNumber(n);
  const usage = 'Use `/todo edit <n> <new text>`, e.g. `/todo edit 3 Write the blog post draft`.';
  if (number === undefined) return invalid(usage);
  const checked = validateTodoText(args.slice(n.length));
  if (!checked.ok) return invalid(words.length === 0 ? usage : checked.message);
  return { kind: 'edit', number, text: checked.text };
}

function numbered(rest: readonly string[], verb: string, make: (n: number) => TodoCommand): TodoCommand {
  const number = rest.length === 1 ? itemNumber(rest[0]!) : undefined;
  if (number === undefined) {
    return invalid(
      `Use \`/todo ${verb} <n>\` with the item's number from \`/todo list\`, e.g. \`/todo ${verb} 3\`. To record an item that starts with “${verb}”, name its owner first: \`/todo @you ${verb} …\`.`,
    );
  }
  return make(number);
}

function itemNumber(word: string): number | undefined {
  const m = ITEM_NUMBER.exec(word);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : undefined;
}

const invalid = (message: string): InvalidCommand => ({ kind: 'invalid', message });
const notAMention = (word: string): InvalidCommand =>
  invalid(
    `\`${quote(word)}\` is not a Slack mention. Pick the person from Slack's @ suggestions so the item knows who they are.`,
  );
