import type { MeetingRule, NthWeekday, Weekday } from '../group.js';
import { WEEKDAYS } from '../group.js';
import type { DayNumber } from './civilDate.js';
import { dayNumber, dayNumberOf, daysInMonth, onOrAfter, weekdayIndex, yearMonth } from './civilDate.js';
import { monthlyDayRecurrence, recurrenceDays } from './recurrence.js';

export type RuleShape = Pick<MeetingRule, 'weekday' | 'frequency' | 'from' | 'until'>;

/** A Monday: what every-N-weeks counts from when a rule names neither anchor nor from. */
const DEFAULT_ANCHOR: DayNumber = 4; // 1970-01-05

/**
 * The dates, in order, on which a rule meets within [first, last] (inclusive day numbers).
 * Pure calendar arithmetic: no zone, so a transition can never move or skip a meeting date.
 */
export function ruleDays(rule: RuleShape, first: DayNumber, last: DayNumber): DayNumber[] {
  let lo = rule.from === undefined ? first : Math.max(first, dayNumber(rule.from));
  const hi = rule.until === undefined ? last : Math.min(last, dayNumber(rule.until));
  const f = rule.frequency;
  if (f.kind === 'rrule' || f.kind === 'monthlyDay') {
    const recurrence = f.kind === 'rrule' ? f.recurrence : monthlyDayRecurrence(f.day);
    const start = rule.from === undefined ? undefined : dayNumber(rule.from);
    return recurrenceDays(recurrence, start, lo, hi);
  }
  // parseGroups gives weekly and monthly rules a weekday.
  if (rule.weekday === undefined) return [];
  if (f.kind === 'monthly') return monthlyDays(rule.weekday, f.nth, lo, hi);

  const step = 7 * Math.max(1, Math.floor(f.interval));
  // "Every other Tuesday, counted from the first one": the anchor (moved to the rule's
  // weekday if it is not one) is the first meeting, and the weeks count from it.
  const anchor =
    f.anchor !== undefined
      ? onOrAfter(dayNumber(f.anchor), rule.weekday)
      : onOrAfter(rule.from === undefined ? DEFAULT_ANCHOR : dayNumber(rule.from), rule.weekday);
  if (f.anchor !== undefined) lo = Math.max(lo, anchor);
  const candidate = onOrAfter(lo, rule.weekday);
  const days: DayNumber[] = [];
  for (let day = anchor + Math.ceil((candidate - anchor) / step) * step; day <= hi; day += step) {
    days.push(day);
  }
  return days;
}

function monthlyDays(weekday: Weekday, nth: NthWeekday, lo: DayNumber, hi: DayNumber): DayNumber[] {
  const days: DayNumber[] = [];
  if (hi < lo) return days;
  let { year, month } = yearMonth(lo);
  const end = yearMonth(hi);
  while (year < end.year || (year === end.year && month <= end.month)) {
    const day = nthWeekdayOfMonth(year, month, weekday, nth);
    if (day >= lo && day <= hi) days.push(day);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return days;
}

export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, nth: NthWeekday): DayNumber {
  if (nth !== 'last') return onOrAfter(dayNumberOf(year, month, 1), weekday) + 7 * (nth - 1);
  const lastDay = dayNumberOf(year, month, daysInMonth(year, month));
  return lastDay - ((weekdayIndex(lastDay) - WEEKDAYS.indexOf(weekday) + 7) % 7);
}

/** Gaps between a rule's meetings are at most this long (parseGroups checks RRULEs for it). */
export const MAX_GAP_DAYS = 400;

/** The rule's first date on or after `day`, if it has one within the longest gap allowed. */
export function firstRuleDay(rule: RuleShape, day: DayNumber): DayNumber | undefined {
  // Every-52-weeks is the sparsest weekly rule, an RRULE may leave MAX_GAP_DAYS between meetings.
  return ruleDays(rule, day, day + MAX_GAP_DAYS + 1)[0];
}
