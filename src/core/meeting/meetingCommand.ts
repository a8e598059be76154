import { charactersOver } from '../agenda/characters.js';
import { type LocalDate, type LocalTime, parseLocalDate, parseLocalTime, type SlackUserId } from '../ids.js';
import { leadingMentions, singleMention } from '../todo/mentions.js';
import { quote } from '../todo/parseWhen.js';

/** What `/meeting …` asked for. Total: every text maps to exactly one of these. */
export type MeetingCommand =
  | { readonly kind: 'next' }
  | { readonly kind: 'notes' }
  | { readonly kind: 'cancel'; readonly date: LocalDate }
  | { readonly kind: 'restore'; readonly date: LocalDate }
  | {
      readonly kind: 'add';
      readonly date: LocalDate;
      readonly time: LocalTime;
      readonly title: string | undefined;
    }
  /** Check-in: the people named, or (empty) the one who typed it. */
  | { readonly kind: 'here'; readonly users: readonly SlackUserId[] }
  /** Who was at a meeting: the one on that date, or (undefined) the current or latest. */
  | { readonly kind: 'attendance'; readonly date: LocalDate | undefined }
  | { readonly kind: 'voters' }
  /** A leave of absence for the meeting on `date`: of the person named, or (undefined) the one who typed it. */
  | { readonly kind: 'absent'; readonly date: LocalDate; readonly user: SlackUserId | undefined }
  /** The recording's link, for the meeting on `date` or (undefined) the current or latest. */
  | { readonly kind: 'recording'; readonly url: string; readonly date: LocalDate | undefined }
  /** Publish the meeting on `date`, or (undefined) the latest that has ended, to the group's repository. */
  | { readonly kind: 'publish'; readonly date: LocalDate | undefined }
  /** `unknown`: the first word, when it was not a command, so the reply can say so. */
  | { readonly kind: 'help'; readonly unknown?: string }
  | { readonly kind: 'invalid'; readonly message: string };

export const MEETING_TITLE_MAX = 100;
/** How many people one `/meeting here` may check in. */
export const CHECK_IN_PEOPLE_MAX = 50;
export const RECORDING_URL_MAX = 2000;

const DATE_FORM = 'a date like `2026-12-03` (YYYY-MM-DD)';
const TIME_FORM = 'a 24-hour time like `17:00` (HH:MM, in the group’s time zone)';

export function parseMeetingCommand(text: string): MeetingCommand {
  const trimmed = text.trim();
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const args = trimmed.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case '':
    case 'next':
      return { kind: 'next' };
    case 'notes':
    case 'minutes':
      return { kind: 'notes' };
    case 'cancel':
      return withDate(rest, 'cancel', (date) => ({ kind: 'cancel', date }));
    case 'restore':
    case 'uncancel':
      return withDate(rest, 'restore', (date) => ({ kind: 'restore', date }));
    case 'add':
      return parseAdd(rest);
    case 'here':
      return parseHere(args);
    case 'attendance':
      return parseAttendance(rest);
    case 'voters':
      return { kind: 'voters' };
    case 'absent':
      return parseAbsent(args);
    case 'recording':
      return parseRecording(args);
    case 'publish':
      return parsePublish(rest);
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: head };
  }
}

function withDate(args: string[], verb: string, make: (date: LocalDate) => MeetingCommand): MeetingCommand {
  const date = args.length === 1 ? parseLocalDate(args[0]!) : undefined;
  if (!date) return invalid(`Usage: \`/meeting ${verb} <date>\` with ${DATE_FORM}.`);
  return make(date);
}

function parseAdd(args: string[]): MeetingCommand {
  const [dateText, timeText, ...titleWords] = args;
  const usage = `Usage: \`/meeting add <date> <time> [title]\` with ${DATE_FORM} and ${TIME_FORM}.`;
  const date = dateText ? parseLocalDate(dateText) : undefined;
  if (!date) return invalid(usage);
  const time = timeText ? parseLocalTime(timeText.padStart(5, '0')) : undefined;
  if (!time) return invalid(usage);
  const title = titleWords.join(' ').trim();
  if (title.length > MEETING_TITLE_MAX) {
    return invalid(
      `A meeting title can be at most ${MEETING_TITLE_MAX} characters (yours has ${title.length}).`,
    );
  }
  return { kind: 'add', date, time, title: title === '' ? undefined : title };
}

function parseHere(args: string): MeetingCommand {
  const usage =
    "Usage: `/meeting here [@person …]` to check yourself in, or the people you name with Slack's @ suggestions.";
  const mentions = leadingMentions(args);
  if (!mentions.ok) return invalid(`${usage} \`${quote(mentions.word)}\` is not a Slack mention.`);
  if (mentions.rest !== '') {
    return invalid(`${usage} \`${quote(mentions.rest.split(/\s+/)[0]!)}\` is not a person.`);
  }
  if (mentions.users.length > CHECK_IN_PEOPLE_MAX) {
    return invalid(
      `One \`/meeting here\` can check in at most ${CHECK_IN_PEOPLE_MAX} people (this one names ${mentions.users.length}). Split them up.`,
    );
  }
  return { kind: 'here', users: [...mentions.users] };
}

function parseAttendance(args: string[]): MeetingCommand {
  const date = args.length === 1 ? parseLocalDate(args[0]!) : undefined;
  if (args.length > 0 && !date) {
    return invalid(
      `Usage: \`/meeting attendance [date]\` with ${DATE_FORM}, or without one for the latest meeting.`,
    );
  }
  return { kind: 'attendance', date };
}

function parsePublish(args: string[]): MeetingCommand {
  const date = args.length === 1 ? parseLocalDate(args[0]!) : undefined;
  if (args.length > 0 && !date) {
    return invalid(
      `Usage: \`/meeting publish [date]\` with ${DATE_FORM}, or without one for the latest meeting.`,
    );
  }
  return { kind: 'publish', date };
}

function parseAbsent(args: string): MeetingCommand {
  const [dateText = '', ...personWords] = args.split(/\s+/);
  const person = personWords.join(' ');
  const date = parseLocalDate(dateText);
  const user = person === '' ? undefined : singleMention(person);
  if (!date || (person !== '' && !user)) {
    return invalid(
      `Usage: \`/meeting absent <date> [@person]\` with ${DATE_FORM}; name someone with Slack's @ suggestions to excuse them instead of you.`,
    );
  }
  return { kind: 'absent', date, user };
}

const RECORDING_USAGE = `Usage: \`/meeting recording <link> [date]\` with an http or https link, e.g. \`https://youtu.be/…\`, and ${DATE_FORM} for a meeting other than the latest.`;

function parseRecording(args: string): MeetingCommand {
  const split = splitLink(args);
  if (!split) return invalid(RECORDING_USAGE);
  const date = split.rest === '' ? undefined : parseLocalDate(split.rest);
  if (split.rest !== '' && !date) return invalid(RECORDING_USAGE);
  const problem = linkProblem(split.url);
  return problem ? invalid(problem) : { kind: 'recording', url: split.url, date };
}

/**
 * The link at the start of the arguments and what follows it. Slack sends a pasted link as
 * `<https://…>` or `<https://…|label>` (a label may hold spaces) and escapes `&`, `<`, `>`.
 */
function splitLink(args: string): { url: string; rest: string } | undefined {
  const wrapped = /^<([^<>|\s]+)(?:\|[^<>]*)?>/.exec(args);
  const word = wrapped ? wrapped[0] : (args.split(/\s+/, 1)[0] ?? '');
  if (word === '') return undefined;
  const url = unescapeSlack(wrapped ? wrapped[1]! : word);
  return { url, rest: args.slice(word.length).trim() };
}

const unescapeSlack = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function linkProblem(url: string): string | undefined {
  const length = charactersOver(url, RECORDING_URL_MAX);
  if (length !== undefined) {
    return `A recording link can be at most ${RECORDING_URL_MAX.toLocaleString('en-US')} characters (yours has ${length.toLocaleString('en-US')}). Use the service's share link.`;
  }
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return `\`${quote(url)}\` is not an http or https link. ${RECORDING_USAGE}`;
  }
  return undefined;
}

const invalid = (message: string): MeetingCommand => ({ kind: 'invalid', message });
