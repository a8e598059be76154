import type { DayNumber } from './civilDate.js';
import { dayNumberOf, daysInMonth, weekdayIndex, yearMonth } from './civilDate.js';

/**
 * The part of an RFC 5545 RRULE gavel accepts (see parseRecurrence.ts), evaluated on dates
 * only: the meeting's wall time comes from the rule's `time`, so a rule meets at most once a
 * day and a zone's transitions can never move a date. UNTIL is folded into the meeting's
 * `until` when the groups file is read; COUNT counts from the meeting's `from`.
 */
export type RecurrenceFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export interface RecurrenceDay {
  /** 0 = Monday … 6 = Sunday, as WEEKDAYS. */
  readonly weekday: number;
  /** 1st, 2nd … (or −1 last, −2 second to last) such weekday of the month; any when undefined. */
  readonly nth: number | undefined;
}

export interface Recurrence {
  readonly freq: RecurrenceFrequency;
  readonly interval: number;
  readonly byDay: readonly RecurrenceDay[];
  /** 1–31, or −1 (last) … −31. */
  readonly byMonthDay: readonly number[];
  /** 1–12. */
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly count: number | undefined;
  /** The day weeks start on for WEEKLY with INTERVAL > 1 (0 = Monday, RFC 5545's default). */
  readonly weekStart: number;
}

/** `FREQ=MONTHLY;BYMONTHDAY=<day>`: the day of each month, months without it skipped. */
export const monthlyDayRecurrence = (day: number): Recurrence => ({
  freq: 'MONTHLY',
  interval: 1,
  byDay: [],
  byMonthDay: [day],
  byMonth: [],
  bySetPos: [],
  count: undefined,
  weekStart: 0,
});

/** A Monday (1970-01-05): weeks are counted from it, moved to the week start. */
const MONDAY: DayNumber = 4;

/** The period (day, week or month) a day falls in, as a running number. */
function periodOf(rec: Recurrence, day: DayNumber): number {
  const { year, month } = yearMonth(day);
  switch (rec.freq) {
    case 'DAILY':
      return day;
    case 'WEEKLY':
      return Math.floor((day - MONDAY - rec.weekStart) / 7);
    case 'MONTHLY':
      return year * 12 + month - 1;
  }
}

function monthMatches(rec: Recurrence, year: number, month: number, day: DayNumber): boolean {
  const dom = day - dayNumberOf(year, month, 1) + 1;
  const length = daysInMonth(year, month);
  if (rec.byMonthDay.length > 0 && !rec.byMonthDay.some((n) => (n > 0 ? n : length + n + 1) === dom)) {
    return false;
  }
  if (rec.byDay.length === 0) return true;
  const weekday = weekdayIndex(day);
  return rec.byDay.some(
    (d) =>
      d.weekday === weekday &&
      (d.nth === undefined ||
        (d.nth > 0 ? Math.ceil(dom / 7) === d.nth : Math.floor((length - dom) / 7) + 1 === -d.nth)),
  );
}

function daysOfMonth(rec: Recurrence, year: number, month: number): DayNumber[] {
  const first = dayNumberOf(year, month, 1);
  const days: DayNumber[] = [];
  for (let day = first; day < first + daysInMonth(year, month); day += 1) {
    if (monthMatches(rec, year, month, day)) days.push(day);
  }
  return days;
}

/** The period's days the BYxxx parts keep, BYSETPOS applied, in order. */
function periodDays(rec: Recurrence, period: number): DayNumber[] {
  let days: DayNumber[];
  switch (rec.freq) {
    case 'DAILY': {
      const { year, month } = yearMonth(period);
      const keep =
        (rec.byMonth.length === 0 || rec.byMonth.includes(month)) && monthMatches(rec, year, month, period);
      days = keep ? [period] : [];
      break;
    }
    case 'WEEKLY': {
      const start = MONDAY + rec.weekStart + 7 * period;
      days = [0, 1, 2, 3, 4, 5, 6]
        .map((i) => start + i)
        .filter(
          (day) =>
            rec.byDay.some((d) => d.weekday === weekdayIndex(day)) &&
            (rec.byMonth.length === 0 || rec.byMonth.includes(yearMonth(day).month)),
        );
      break;
    }
    case 'MONTHLY': {
      const [year, month] = [Math.floor(period / 12), (period % 12) + 1];
      days = rec.byMonth.length === 0 || rec.byMonth.includes(month) ? daysOfMonth(rec, year, month) : [];
      break;
    }
  }
  if (rec.bySetPos.length === 0) return days;
  const picked = rec.bySetPos
    .map((pos) => days[pos > 0 ? pos - 1 : days.length + pos])
    .filter((day) => day !== undefined);
  return [...new Set(picked)].sort((a, b) => a - b);
}

/** The first day of a period. */
function periodStart(rec: Recurrence, period: number): DayNumber {
  switch (rec.freq) {
    case 'DAILY':
      return period;
    case 'WEEKLY':
      return MONDAY + rec.weekStart + 7 * period;
    case 'MONTHLY':
      return dayNumberOf(Math.floor(period / 12), (period % 12) + 1, 1);
  }
}

/**
 * The days in [lo, hi] on which the recurrence meets, in order. `start` is the meeting's
 * `from` (RFC 5545's DTSTART): nothing before it, INTERVAL and COUNT counted from it; a
 * recurrence with INTERVAL > 1 or COUNT has one (parseGroups insists).
 */
export function recurrenceDays(
  rec: Recurrence,
  start: DayNumber | undefined,
  lo: DayNumber,
  hi: DayNumber,
): DayNumber[] {
  const firstDay = start === undefined ? lo : rec.count === undefined ? Math.max(lo, start) : start;
  if (hi < firstDay) return [];
  const anchor = start === undefined ? 0 : periodOf(rec, start);
  const step = Math.max(1, rec.interval);
  let period = periodOf(rec, firstDay);
  period += (((anchor - period) % step) + step) % step;
  const days: DayNumber[] = [];
  let counted = 0;
  for (; periodStart(rec, period) <= hi; period += step) {
    for (const day of periodDays(rec, period)) {
      if (day < firstDay) continue;
      if (day > hi) return days;
      counted += 1;
      if (rec.count !== undefined && counted > rec.count) return days;
      if (day >= lo) days.push(day);
    }
  }
  return days;
}
