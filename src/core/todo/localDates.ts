import { formatZoned } from '../zonedFormat.js';
import { type LocalDate, parseLocalDate } from '../ids.js';
import { dayNumber, localDateOf, weekdayIndex as weekdayOfDay } from '../schedule/civilDate.js';

/**
 * Calendar arithmetic on `YYYY-MM-DD` dates. A calendar date has no zone, so the math runs
 * on day numbers (civilDate.ts), where every day is one day long and no DST can shift it.
 * The date it is at an instant in a zone is `zonedDate` (slackDate.ts).
 */
export const addDays = (date: LocalDate, days: number): LocalDate => localDateOf(dayNumber(date) + days);

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    parseLocalDate(`${target}-${pad(m)}-${pad(d)}`) ?? (`${target}-${pad(m)}-${pad(d - 1)}` as LocalDate)
  );
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: LocalDate): number => weekdayOfDay(dayNumber(date));

/** A date from its parts, or undefined when there is no such day (31 November). */
export function dateOf(year: number, month: number, day: number): LocalDate | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  return parseLocalDate(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`);
}

/** `Thu Dec 7`, with the year when it is not `currentYear`'s: `Tue Jan 5, 2027`. */
export function dueLabel(date: LocalDate, today: LocalDate): string {
  const sameYear = date.slice(0, 4) === today.slice(0, 4);
  return formatZoned(new Date(`${date}T00:00:00.000Z`), 'UTC', sameYear ? 'EEE MMM d' : 'EEE MMM d, yyyy');
}
