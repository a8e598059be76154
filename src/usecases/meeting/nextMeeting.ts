import type { Clock } from '../../core/clock.js';
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
}

/** `/meeting next`: the group's next scheduled meeting, and the asker's zone to show it in. */
export async function nextMeeting(
  deps: NextMeetingDeps,
  { group, userId }: { readonly group: ResolvedGroup; readonly userId: SlackUserId },
): Promise<NextMeeting> {
  const next = await deps.occurrences.next(group.id, deps.clock.now());
  if (!next) return { next, userZone: undefined };
  return { next, userZone: await deps.workspace.userTimeZone(userId) };
}
