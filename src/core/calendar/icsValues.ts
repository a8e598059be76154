import type { Weekday } from '../group.js';
import type { LocalDate, LocalTime } from '../ids.js';

/** DATE-TIME in local ("floating" or TZID) form: 20260312T090000. */
export function localDateTime(date: LocalDate, time: LocalTime): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** DATE-TIME in UTC form: 20260312T160000Z. */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** UTC-OFFSET: +0530, -0330 (seconds only when there are some). */
export function utcOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ''}`;
}

/** DURATION of whole minutes: PT1H, PT45M, PT1H30M. */
export function durationOf(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const hours = Math.floor(m / 60);
  if (m === 0) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${m % 60 ? `${m % 60}M` : ''}`;
}

const BYDAY: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

export const byDay = (weekday: Weekday): string => BYDAY[weekday];

/** DATE-TIME in local form from a wall clock expressed as ms since 1970 "as if UTC". */
export function wallDateTime(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
}
