import type { Group } from '../group.js';

/**
 * The groups with minutes turned off, for a deployment without Google credentials: no
 * minutes jobs are planned and reminders say nothing of minutes. `affected` names the groups
 * whose configured minutes are being ignored, so start-up can say so.
 */
export function withoutMinutes<G extends Group>(groups: readonly G[]): { groups: G[]; affected: string[] } {
  return {
    groups: groups.map((g) => (g.minutes ? { ...g, minutes: undefined } : g)),
    affected: groups.filter((g) => g.minutes).map((g) => g.id),
  };
}
