import type { Clock } from '../../core/clock.js';
import type { GroupSummaryView, MeetingView } from '../../core/foundation/foundationViews.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

export interface FoundationGroupsDeps {
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly occurrences: Pick<OccurrenceRepository, 'next'>;
  readonly clock: Clock;
}

/** Every group with its next meeting, for `/` and `/groups.md`, in the groups file's order. */
export async function foundationGroups(deps: FoundationGroupsDeps): Promise<GroupSummaryView[]> {
  const now = deps.clock.now();
  return Promise.all(
    deps.groups.all().map(async (g) => summaryOf(g, await deps.occurrences.next(g.id, now))),
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
