import type { Occurrence } from '../model/occurrence.js';
import type { PlannedOccurrence } from '../schedule/occurrences.js';
import type { DstMeeting } from './dstMismatches.js';

/**
 * The meetings a notice speaks of: the stored ones as Slack left them (a lead's cancellation,
 * a one-off added with `/meeting add`), and beyond the stored horizon the groups file's.
 */
export function meetingsAsHeld(
  planned: readonly PlannedOccurrence[],
  stored: readonly Pick<Occurrence, 'startsAt' | 'title' | 'status'>[],
): DstMeeting[] {
  const known = new Set(stored.map((o) => o.startsAt));
  return [
    ...planned.filter((p) => !known.has(p.startsAt.toISOString())),
    ...stored.map((o) => ({
      startsAt: new Date(o.startsAt),
      title: o.title,
      cancelled: o.status === 'cancelled',
    })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
