import type { Weekday } from '../group.js';
import type { LocalDate, LocalTime } from '../ids.js';
import { dayNumber, localDateOf, localTimeOf, minutesOfDay, weekdayOf } from './civilDate.js';
import { zoneOffsetMs } from './zoneOffset.js';
import { DAY_MS, MINUTE_MS } from '../duration.js';

/**
 * The instant at which a wall-clock time happens in a zone.
 *
 * A wall time that is missing or repeated is read with the UTC offset in force just before
 * the transition, which is also RFC 5545's rule for DATE-TIME with a TZID (§3.3.5), so the
 * calendar feed and the reminders agree:
 * - in a gap (02:30 on a spring-forward day) the meeting moves forward by the gap's length:
 *   02:30 America/New_York on 2026-03-08 is 03:30 EDT (07:30Z);
 * - in an overlap (01:30 on a fall-back day) it takes the first, earlier instant:
 *   01:30 America/New_York on 2026-11-01 is 01:30 EDT (05:30Z).
 * date-fns-tz's own fromZonedTime moves gap times backward and picks either instant of an
 * overlap depending on the zone, hence this function.
 */
export function localToInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const key = `${timeZone} ${date} ${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    // Bounded: a long-running process plans new weeks forever.
    if (instants.size >= MAX_REMEMBERED) instants.clear();
    instant = instantOfWallTime(date, time, timeZone);
    instants.set(key, instant);
  }
  return new Date(instant);
}

/**
 * Instants already worked out, by zone, date and time. Planning asks the same questions over
 * and over (every group, every hour, six weeks ahead; groups share zones and hours), and each
 * answer costs several Intl lookups: the largest CPU cost of a plan before this.
 */
const instants = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

function instantOfWallTime(date: LocalDate, time: LocalTime, timeZone: string): number {
  const wall = dayNumber(date) * DAY_MS + minutesOfDay(time) * MINUTE_MS;
  // The true instant lies within wall ± 14 h; a day either side is outside any transition
  // that could affect it, so these are the offsets before and after that transition.
  const before = zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS);
  const fits = (offset: number) => zoneOffsetMs(timeZone, wall - offset) === offset;
  // Tried in this order, the first that fits is the earlier instant of an overlap.
  if (fits(before)) return wall - before;
  if (after !== before && fits(after)) return wall - after;
  return wall - before;
}

export interface ZonedWallTime {
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly weekday: Weekday;
}

/** The date, wall time (to the minute) and weekday of an instant in a zone. */
export function instantToLocal(instant: Date, timeZone: string): ZonedWallTime {
  const wall = instant.getTime() + zoneOffsetMs(timeZone, instant.getTime());
  const day = Math.floor(wall / DAY_MS);
  const minutes = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
  return { date: localDateOf(day), time: localTimeOf(minutes), weekday: weekdayOf(day) };
}
