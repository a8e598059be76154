import { type LocalDate, type LocalTime, parseLocalDate, parseLocalTime } from '../ids.js';

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
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };

export const MEETING_TITLE_MAX = 100;

const DATE_FORM = 'a date like `2026-12-03` (YYYY-MM-DD)';
const TIME_FORM = 'a 24-hour time like `17:00` (HH:MM, in the group’s time zone)';

export function parseMeetingCommand(text: string): MeetingCommand {
  const [head = '', ...rest] = text.trim().split(/\s+/);
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
    default:
      return { kind: 'help' };
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

const invalid = (message: string): MeetingCommand => ({ kind: 'invalid', message });
