import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import { occurrencesBetween } from '../../core/schedule/occurrences.js';
import { PLAN_HORIZON_DAYS } from '../../core/schedule/planHorizon.js';
import type { GroupSummaryView, MeetingView } from '../../core/foundation/foundationViews.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

export interface FoundationGroupsDeps {
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly occurrences: Pick<OccurrenceRepository, 'next'>;
  readonly clock: Clock;
}

/**
 * Every group with its next meeting, for `/` and `/groups.md`, in the groups file's order, and
 * the meetings before it that the groups file cancels (a holiday, a break) with their reasons.
 */
export async function foundationGroups(deps: FoundationGroupsDeps): Promise<GroupSummaryView[]> {
  const now = deps.clock.now();
  return Promise.all(
    deps.groups.all().map(async (g) => {
      const next = await deps.occurrences.next(g.id, now);
      const until = next ? new Date(next.startsAt) : new Date(now.getTime() + PLAN_HORIZON_DAYS * DAY_MS);
      const skipped = occurrencesBetween(g, new Date(now.getTime() + 1), until)
        .filter((o) => o.cancelled)
        .map((o) => ({ startsAt: o.startsAt, reason: o.cancelReason }));
      return { ...summaryOf(g, next), skipped };
    }),
  );
}

export const summaryOf = (g: ResolvedGroup, next: Occurrence | undefined): GroupSummaryView => ({
  id: g.id,
  name: g.name,
  description: g.description,
  channel: g.channelLabel,
  timeZone: g.timeZone,
  next: next ? meetingView(next) : undefined,
});

export const meetingView = (o: Occurrence): MeetingView => ({
  startsAt: new Date(o.startsAt),
  endsAt: new Date(o.endsAt),
  title: o.title,
  joinUrl: o.joinUrl ?? undefined,
});
