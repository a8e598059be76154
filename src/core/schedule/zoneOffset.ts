import { zonedWallClock } from '../zonedWallClock.js';

/**
 * A zone's UTC offset at an instant, read from the runtime's tz database through Intl.
 *
 * Not date-fns-tz's getTimezoneOffset: that one reads its Date argument's fields in the
 * machine's zone as a wall time (for America/New_York it answers -5 h at 2026-11-01T05:30Z,
 * an instant still in EDT), so it depends on TZ and is wrong near transitions.
 *
 * Offset in ms (positive east of Greenwich) of `timeZone` at the instant `instantMs`.
 */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const w = zonedWallClock(timeZone, instantMs);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wall - wholeSecond;
}
