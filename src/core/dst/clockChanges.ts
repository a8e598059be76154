import { DAY_MS, MINUTE_MS } from '../duration.js';
import { zoneOffsetMs } from '../schedule/zoneOffset.js';

/** A zone's clocks changing: from `at` (to the minute) its offset is `afterMs` instead of `beforeMs`. */
export interface ClockChange {
  readonly zone: string;
  readonly at: Date;
  readonly beforeMs: number;
  readonly afterMs: number;
}

/**
 * Every change of `zone`'s UTC offset in [fromMs, toMs), read from the runtime's tz database.
 * Each zone's year is scanned once and remembered (planning asks for the same few zones and
 * weeks every hour, for every group).
 */
export function clockChanges(zone: string, fromMs: number, toMs: number): ClockChange[] {
  const years: ClockChange[] = [];
  for (let y = new Date(fromMs).getUTCFullYear(); y <= new Date(toMs - 1).getUTCFullYear(); y++) {
    years.push(...changesInYear(zone, y));
  }
  return years.filter((c) => c.at.getTime() >= fromMs && c.at.getTime() < toMs);
}

/** Zone-years remembered; beyond this many the memory starts afresh. */
const MAX_REMEMBERED = 5000;
const remembered = new Map<string, readonly ClockChange[]>();

function changesInYear(zone: string, year: number): readonly ClockChange[] {
  const key = `${zone} ${year}`;
  let changes = remembered.get(key);
  if (!changes) {
    changes = scan(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, changes);
  }
  return changes;
}

/**
 * Probed twice a day (no zone has changed its clocks twice within 12 hours), then narrowed to
 * the minute by bisection.
 */
function scan(zone: string, fromMs: number, toMs: number): ClockChange[] {
  const step = DAY_MS / 2;
  const changes: ClockChange[] = [];
  let t = fromMs;
  let offset = zoneOffsetMs(zone, t);
  while (t < toMs) {
    const next = Math.min(t + step, toMs);
    const nextOffset = zoneOffsetMs(zone, next);
    if (nextOffset !== offset) {
      changes.push({
        zone,
        at: new Date(firstMinuteWith(zone, t, next, nextOffset)),
        beforeMs: offset,
        afterMs: nextOffset,
      });
    }
    t = next;
    offset = nextOffset;
  }
  return changes;
}

/** The first whole minute in (lo, hi] at which `zone` has `offset` (it has it at hi, not at lo). */
function firstMinuteWith(zone: string, lo: number, hi: number, offset: number): number {
  let a = Math.floor(lo / MINUTE_MS);
  let b = Math.ceil(hi / MINUTE_MS);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetMs(zone, mid * MINUTE_MS) === offset) b = mid;
    else a = mid;
  }
  return b * MINUTE_MS;
}
