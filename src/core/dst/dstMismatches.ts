import { DAY_MS } from '../duration.js';
import type { PlannedOccurrence } from '../schedule/occurrences.js';
import { zoneOffsetMs } from '../schedule/zoneOffset.js';
import { type ClockChange, clockChanges } from './clockChanges.js';

/**
 * The longest stretch between one side's clock change and the other's that counts as "not yet":
 * the US and Europe are 2-3 weeks apart in spring and 1 in autumn, the US and Australia 4-5.
 * Two changes further apart are two seasons, not a mismatch.
 */
export const MISMATCH_MAX_DAYS = 42;
/**
 * Shorter stretches are one region changing at its own 2 a.m. a few hours after another (New
 * York, then Los Angeles): nobody meets in them.
 */
const MISMATCH_MIN_MS = DAY_MS;

/** One audience zone in which a meeting is not at its usual wall time. */
export interface ShiftedZone {
  readonly zone: string;
  /** How far the meeting's wall time in `zone` is from the usual (negative: earlier). */
  readonly shiftMs: number;
}

/** What a mismatch needs of a meeting: planned from the file, or stored (a one-off from Slack). */
export type DstMeeting = Pick<PlannedOccurrence, 'startsAt' | 'title' | 'cancelled'>;

export interface MismatchMeeting {
  readonly occurrence: DstMeeting;
  /** The audience zones it is shifted in, in the order the audience names them. */
  readonly shifted: readonly ShiftedZone[];
}

/**
 * One clock-change season's mismatch for a group: the meetings that, in some audience zone,
 * are at another wall time than usual, and the clock changes that open and close the stretches.
 */
export interface DstMismatch {
  /** The first clock change that shifts a meeting: the mismatch's identity (its job's key). */
  readonly startsAt: Date;
  /** The group's and its audience's clock changes that bound the stretches, soonest first. */
  readonly changes: readonly ClockChange[];
  /** The meetings affected (cancelled ones left out), soonest first. */
  readonly meetings: readonly MismatchMeeting[];
}

/** A stretch in which one audience zone's difference to the group's zone is not the usual one. */
interface Stretch {
  readonly zone: string;
  readonly from: ClockChange;
  readonly until: ClockChange;
  readonly shiftMs: number;
}

/**
 * The DST mismatches among `planned` (the group's meetings, in its zone) for people in
 * `audience` zones. Pure: the tz database is the runtime's, there is no clock.
 *
 * What "usual" means: an audience zone Z sees the meeting at the group's wall time plus the
 * difference between Z's offset and the group zone's. That difference changes whenever either
 * side changes its clocks. A mismatch is the stretch between a change on one side and the next
 * change on the *other* side when that follows within MISMATCH_MAX_DAYS ("one side changed,
 * the other has not yet"), and the usual wall time is the one just before the stretch began.
 * Same-hemisphere zones (Los Angeles and Berlin) come back to it when the other side catches
 * up. Opposite hemispheres (Los Angeles and Sydney) change in opposite directions, so the
 * difference moves twice the same way: the weeks in between are still the mismatch, counted
 * from the wall time before; once Z's own clocks have changed, its new wall time is the usual
 * of the new season. A zone that changes with the group's zone at the same instants (the
 * group's own, or Europe/Paris for Europe/Berlin) never mismatches.
 */
export function dstMismatches(
  groupZone: string,
  audience: readonly string[],
  planned: readonly DstMeeting[],
): DstMismatch[] {
  const meetings = planned.filter((o) => !o.cancelled);
  const first = meetings[0];
  const last = meetings[meetings.length - 1];
  if (!first || !last) return [];
  const lo = first.startsAt.getTime() - MISMATCH_MAX_DAYS * DAY_MS;
  const hi = last.startsAt.getTime() + MISMATCH_MAX_DAYS * DAY_MS;
  const groupChanges = clockChanges(groupZone, lo, hi);
  const zones = [...new Set(audience)].filter((z) => z !== groupZone);
  const stretches = zones.flatMap((zone) =>
    stretchesOf(zone, groupZone, [...groupChanges, ...clockChanges(zone, lo, hi)]),
  );
  return clusters(stretches).flatMap((cluster) => {
    const affected = meetings.flatMap((occurrence): MismatchMeeting[] => {
      const t = occurrence.startsAt.getTime();
      const shifted = zones.flatMap((zone): ShiftedZone[] => {
        const s = cluster.find(
          (c) => c.zone === zone && c.from.at.getTime() <= t && t < c.until.at.getTime(),
        );
        return s ? [{ zone, shiftMs: s.shiftMs }] : [];
      });
      return shifted.length > 0 ? [{ occurrence, shifted }] : [];
    });
    if (affected.length === 0) return [];
    const changes = uniqueChanges(cluster.flatMap((s) => [s.from, s.until]));
    return [{ startsAt: changes[0]!.at, changes, meetings: affected }];
  });
}

/** Audience zone `zone`'s stretches, from both sides' clock changes (`changes`). */
function stretchesOf(zone: string, groupZone: string, changes: readonly ClockChange[]): Stretch[] {
  const difference = (at: number) => zoneOffsetMs(zone, at) - zoneOffsetMs(groupZone, at);
  const points = [...changes]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    // Both sides changing at the same instant leaves the difference as it was.
    .filter((c) => difference(c.at.getTime() - 1) !== difference(c.at.getTime()));
  return points.slice(0, -1).flatMap((p, i): Stretch[] => {
    const q = points[i + 1]!;
    const length = q.at.getTime() - p.at.getTime();
    if (p.zone === q.zone || length < MISMATCH_MIN_MS || length > MISMATCH_MAX_DAYS * DAY_MS) return [];
    const at = p.at.getTime();
    return [{ zone, from: p, until: q, shiftMs: difference(at) - difference(at - 1) }];
  });
}

/** Overlapping stretches (of several zones, one season) belong to one mismatch. */
function clusters(stretches: readonly Stretch[]): Stretch[][] {
  const sorted = [...stretches].sort((a, b) => a.from.at.getTime() - b.from.at.getTime());
  const out: Stretch[][] = [];
  let end = -Infinity;
  for (const s of sorted) {
    const current = out[out.length - 1];
    if (current && s.from.at.getTime() < end) current.push(s);
    else out.push([s]);
    end = Math.max(end, s.until.at.getTime());
  }
  return out;
}

function uniqueChanges(changes: readonly ClockChange[]): ClockChange[] {
  const seen = new Map(changes.map((c) => [`${c.zone} ${c.at.toISOString()}`, c]));
  return [...seen.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.zone.localeCompare(b.zone));
}
