import type { Group } from '../group.js';
import { RESTORED_OVER_FILE } from '../meeting/cancellationAfterPlan.js';
import type { Occurrence } from '../model/occurrence.js';

/**
 * The group as a calendar shows it: a break's or a holiday's meeting that a lead restored in
 * Slack is held, so its date is no longer cancelled (other meetings of that date that stay
 * cancelled are still left out by their start, as cancellations made in Slack are).
 */
export function withRestoredMeetings<G extends Pick<Group, 'cancelled'>>(
  group: G,
  stored: readonly Pick<Occurrence, 'cancelledBy' | 'localDate'>[],
): G {
  const restored = new Set(
    stored.filter((o) => o.cancelledBy === RESTORED_OVER_FILE).map((o) => o.localDate),
  );
  if (restored.size === 0) return group;
  return { ...group, cancelled: group.cancelled.filter((d) => !restored.has(d)) };
}
