import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import type { GroupMeetings } from '../../core/foundation/meetingsOverview.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

export interface MeetingsOverviewDeps {
  readonly clock: Clock;
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly occurrences: Pick<OccurrenceRepository, 'next' | 'between'>;
  readonly workspace: Pick<SlackWorkspace, 'userTimeZone'>;
}

/**
 * `/meetings`: every group's next meeting, or all of their meetings in the coming week, with
 * the reader's zone (Slack's date tokens show each time in it; the zone is named in the answer).
 */
export async function meetingsOverview(
  deps: MeetingsOverviewDeps,
  input: { readonly userId: SlackUserId; readonly mode: 'next' | 'week' },
): Promise<{ readonly groups: GroupMeetings[]; readonly userZone: string | undefined }> {
  const now = deps.clock.now();
  const weekEnd = new Date(now.getTime() + 7 * DAY_MS);
  const [groups, userZone] = await Promise.all([
    Promise.all(
      deps.groups.all().map(async (g): Promise<GroupMeetings> => {
        const meetings =
          input.mode === 'next'
            ? [await deps.occurrences.next(g.id, now)].filter((o) => o !== undefined)
            : await deps.occurrences.between(g.id, now, weekEnd);
        return { groupName: g.name, channelLabel: g.channelLabel, timeZone: g.timeZone, meetings };
      }),
    ),
    deps.workspace.userTimeZone(input.userId),
  ]);
  return { groups, userZone };
}
