import type { Weekday } from '../group.js';
import { WEEKDAYS } from '../group.js';
import type { LocalDate, LocalTime } from '../ids.js';
import { DAY_MS } from '../duration.js';

/**
 * Calendar arithmetic on plain dates, with no zone involved: a date is a day number
 * (days since 1970-01-01), so "the next Thursday" or "a week later" can never be moved by a
 * DST transition. Only zonedTime.ts turns a date and a wall time into an instant.
 */
export type DayNumber = number;

export function dayNumber(date: LocalDate): DayNumber {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function localDateOf(day: DayNumber): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;
}

/** Year and month (1–12) of a day. */
export function yearMonth(day: DayNumber): { year: number; month: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
export function weekdayIndex(day: DayNumber): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function weekdayOf(day: DayNumber): Weekday {
  return WEEKDAYS[weekdayIndex(day)]!;
}

/** The first day on or after `day` that falls on `weekday`. */
export function onOrAfter(day: DayNumber, weekday: Weekday): DayNumber {
  return day + ((WEEKDAYS.indexOf(weekday) - weekdayIndex(day) + 7) % 7);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOfDay(time: LocalTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function localTimeOf(minutes: number): LocalTime {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` as LocalTime;
}
