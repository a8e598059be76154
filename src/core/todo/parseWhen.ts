import type { LocalDate } from '../ids.js';
import { escapePlain } from '../mrkdwn.js';
import { zonedDate } from '../slackDate.js';
import { addDays, addYears, dateOf, weekdayIndex } from './localDates.js';

/** Everything a `when` needs besides its words: today is a question of the group's zone. */
export interface WhenContext {
  readonly now: Date;
  /** The group's IANA zone. */
  readonly timeZone: string;
  /** The date of the group's next meeting, for `next meeting` (undefined: none scheduled). */
  readonly nextMeetingDate: LocalDate | undefined;
}

export type WhenResult =
  | { readonly kind: 'date'; readonly date: LocalDate }
  /** Recognisably meant as a date, but refused: ambiguous, impossible, past or too far. */
  | { readonly kind: 'invalid'; readonly message: string }
  /** Not a date at all: the caller may read the words as ordinary text. */
  | { readonly kind: 'not-a-date' };

/** How far ahead a due date may be. */
export const DUE_HORIZON_YEARS = 2;

export const WHEN_FORMS =
  '`2026-12-07`, `Dec 7`, `tomorrow`, `in 3 days`, `thursday` (the coming one), `next thursday` (next week’s) or `next meeting`';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?\.?$/;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$/;
const WEEKDAY = /^(?:(next|this|on)\s+)?([a-z]+)$/;
const IN_N = /^in\s+(\d{1,3})\s+(day|days|week|weeks)$/;

/**
 * Reads a due date. Relative forms count from today in the group's zone. `thursday` and
 * `on thursday` are the first Thursday after today, `this thursday` the coming one with today
 * included, and `next thursday` the Thursday of next week (weeks run Monday to Sunday): typed
 * on a Tuesday it is nine days away, on a Friday six. A month and day without a year is its
 * next occurrence, today included. `12/7` is refused: half the world reads it as 12 July.
 */
export function parseWhen(phrase: string, ctx: WhenContext): WhenResult {
  const words = phrase.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  const today = zonedDate(ctx.now, ctx.timeZone);
  const found = read(words, today, ctx);
  if (found.kind !== 'date') return found;
  return withinBounds(found.date, today, phrase);
}

function read(words: string, today: LocalDate, ctx: WhenContext): WhenResult {
  if (words === 'today') return date(today);
  if (words === 'tomorrow' || words === 'tmrw') return date(addDays(today, 1));
  // Read so that it is refused as past, not left in the item's text.
  if (words === 'yesterday') return date(addDays(today, -1));
  if (words === 'next meeting' || words === 'the next meeting') {
    return ctx.nextMeetingDate
      ? date(ctx.nextMeetingDate)
      : invalid('No upcoming meeting is scheduled, so `next meeting` names no date. Give a date instead.');
  }
  const iso = ISO.exec(words);
  if (iso) {
    const d = dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? date(d) : invalid(`\`${quote(words)}\` is not a day of the calendar.`);
  }
  const slashed = SLASHED.exec(words);
  if (slashed) return ambiguous(words, Number(slashed[1]), Number(slashed[2]));
  const inN = IN_N.exec(words);
  if (inN) return date(addDays(today, Number(inN[1]) * (inN[2]!.startsWith('week') ? 7 : 1)));
  const monthDay = MONTH_DAY.exec(words);
  if (monthDay && monthOf(monthDay[1]!) !== undefined) {
    return dayOfMonth(monthOf(monthDay[1]!)!, Number(monthDay[2]), monthDay[3], today, words);
  }
  const dayMonth = DAY_MONTH.exec(words);
  if (dayMonth && monthOf(dayMonth[2]!) !== undefined) {
    return dayOfMonth(monthOf(dayMonth[2]!)!, Number(dayMonth[1]), dayMonth[3], today, words);
  }
  const weekday = WEEKDAY.exec(words);
  const index = weekday ? weekdayOf(weekday[2]!) : undefined;
  if (weekday && index !== undefined) {
    return date(addDays(today, weekdayAhead(weekday[1], index, weekdayIndex(today))));
  }
  return { kind: 'not-a-date' };
}

/** Days from today (weekday `from`, 0 = Monday) to weekday `to`, as `thursday`, `this thursday` or `next thursday`. */
export function weekdayAhead(qualifier: string | undefined, to: number, from: number): number {
  if (qualifier === 'next') return 7 - from + to;
  const ahead = (to - from + 7) % 7;
  return ahead === 0 && qualifier !== 'this' ? 7 : ahead;
}

function dayOfMonth(
  month: number,
  day: number,
  yearText: string | undefined,
  today: LocalDate,
  words: string,
): WhenResult {
  const thisYear = Number(today.slice(0, 4));
  if (yearText) {
    const d = dateOf(Number(yearText), month, day);
    return d ? date(d) : invalid(`\`${quote(words)}\` is not a day of the calendar.`);
  }
  // The next such day, today included; 29 Feb looks up to four years ahead.
  for (let year = thisYear; year <= thisYear + 4; year++) {
    const d = dateOf(year, month, day);
    if (d && d >= today) return date(d);
  }
  return invalid(`\`${quote(words)}\` is not a day of the calendar.`);
}

function ambiguous(words: string, first: number, second: number): WhenResult {
  const readings = [
    [first, second],
    [second, first],
  ]
    .filter(([m, d]) => dateOf(2028, m!, d!) !== undefined)
    .map(([m, d]) => `${MONTH_LABELS[m! - 1]} ${d}`);
  const meaning = readings.length === 2 ? ` could be ${readings[0]} or ${readings[1]}` : ' is ambiguous';
  return invalid(
    `\`${quote(words)}\`${meaning}. Write the month as a word or use YYYY-MM-DD: ${WHEN_FORMS}.`,
  );
}

function withinBounds(d: LocalDate, today: LocalDate, phrase: string): WhenResult {
  // "2031-01-01 (2031-01-01)" says nothing twice: the date is named only when it was not typed.
  const named = phrase.trim() === d ? `\`${d}\`` : `\`${quote(phrase)}\` (${d})`;
  if (d < today) return invalid(`${named} is in the past. Give a date from today on.`);
  const horizon = addYears(today, DUE_HORIZON_YEARS);
  if (d > horizon) {
    return invalid(
      `${named} is more than ${DUE_HORIZON_YEARS} years away; the latest due date is ${horizon}.`,
    );
  }
  return date(d);
}

const MONTH_LABELS = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1, 3));

/** `dec`, `december`, `sept`: any prefix of at least three letters. */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(word));
  return i === -1 ? undefined : i + 1;
}

/** 0 = Monday. `thu`, `thurs`, `thursday`. */
function weekdayOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const i = WEEKDAYS.findIndex((w) => w.startsWith(word));
  return i === -1 ? undefined : i;
}

/** Words that, right after `by`, can only start a time: `by yesterday`, `by eod`, `by end of week`. */
const TIME_WORDS = new Set([
  'today',
  'tonight',
  'tomorrow',
  'tmrw',
  'yesterday',
  'eod',
  'eow',
  'eom',
  'eoy',
  'noon',
  'midnight',
  'mid',
  'early',
  'late',
  'someday',
  'asap',
]);
/** Words that start a time only when a time unit or a weekday follows: `next week`, not `next release`. */
const RELATIVE_WORDS = new Set(['next', 'this', 'last', 'coming', 'the', 'in', 'within', 'a', 'one']);
const TIME_UNITS =
  /^(?:\d+|a|an|day|days|week|weeks|weekend|month|months|quarter|year|years|meeting|call|[a-z]+day)$/;

/**
 * Whether words that are not a date were still surely meant as one (`by 12th of never`,
 * `by Friday the 13th`, `by yesterday`, `by next week`, `by end of month`): they open with a
 * digit, a month, a weekday or a word of time, or with `next`, `this`, `in`… and a unit of
 * time. Anything else after `by` is ordinary text (`ask by email`, `by the next release`).
 */
export function opensDatePhrase(phrase: string): boolean {
  const [first = '', second = ''] = phrase
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[.,!?]+$/, ''));
  if (/^\d/.test(first) || TIME_WORDS.has(first) || monthOf(first) !== undefined) return true;
  if (weekdayOf(first) !== undefined) return true;
  if (first === 'end' && second === 'of') return true;
  return RELATIVE_WORDS.has(first) && (TIME_UNITS.test(second) || weekdayOf(second) !== undefined);
}

const date = (d: LocalDate): WhenResult => ({ kind: 'date', date: d });
const invalid = (message: string): WhenResult => ({ kind: 'invalid', message });
/** A bit of what the user typed, safe inside a code span. */
export const quote = (s: string): string => escapePlain(s.trim().slice(0, 40).replace(/`/g, "'"));
