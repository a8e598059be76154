import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import type { SkippedMeeting } from '../../core/meeting/meetingReplies.js';
import { occurrencesBetween } from '../../core/schedule/occurrences.js';
import { PLAN_HORIZON_DAYS } from '../../core/schedule/planHorizon.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

export interface NextMeetingDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'next'>;
  readonly workspace: Pick<SlackWorkspace, 'userTimeZone'>;
  readonly clock: Clock;
}

export interface NextMeeting {
  /** Undefined when nothing is scheduled in the planning horizon. */
  readonly next: Occurrence | undefined;
  /** The asker's zone from their Slack profile; the answer still works without it. */
  readonly userZone: string | undefined;
  /** Meetings before it (or, with none, in the coming weeks) that the groups file cancels. */
  readonly skipped: readonly SkippedMeeting[];
}

/** `/meeting next`: the group's next scheduled meeting, and the asker's zone to show it in. */
export async function nextMeeting(
  deps: NextMeetingDeps,
  { group, userId }: { readonly group: ResolvedGroup; readonly userId: SlackUserId },
): Promise<NextMeeting> {
  const now = deps.clock.now();
  const next = await deps.occurrences.next(group.id, now);
  const until = next ? new Date(next.startsAt) : new Date(now.getTime() + PLAN_HORIZON_DAYS * DAY_MS);
  const skipped = occurrencesBetween(group, new Date(now.getTime() + 1), until)
    .filter((o) => o.cancelled)
    .map((o): SkippedMeeting => ({ startsAt: o.startsAt, reason: o.cancelReason }));
  if (!next) return { next, userZone: undefined, skipped };
  return { next, userZone: await deps.workspace.userTimeZone(userId), skipped };
}
