import type { Clock } from '../../core/clock.js';
import { HOUR_MS } from '../../core/duration.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import { type HomeItem, type HomeMeeting, homeView } from '../../core/home/homeView.js';
import type { GroupId, SlackUserId } from '../../core/ids.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackEventLog } from '../../core/ports/slackEventLog.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { zonedDate } from '../../core/slackDate.js';

export interface PublishHomeDeps {
  readonly clock: Clock;
  readonly groups: Pick<GroupDirectory, 'all'>;
  readonly occurrences: Pick<OccurrenceRepository, 'next' | 'between'>;
  readonly records: Pick<MeetingRecordRepository, 'recording'>;
  readonly actionItems: Pick<ActionItemRepository, 'list'>;
  readonly events: SlackEventLog;
  readonly workspace: Pick<SlackWorkspace, 'publishHome'>;
}

/**
 * Publishes a user's Home tab (the next meeting of every group, their open action items),
 * once per Slack event however often Slack retries it. 'retry' when the event was handled.
 */
export async function publishHome(
  deps: PublishHomeDeps,
  eventId: string,
  userId: SlackUserId,
): Promise<'published' | 'retry'> {
  const now = deps.clock.now();
  if (!(await deps.events.firstDelivery(eventId, now))) return 'retry';
  await deps.workspace.publishHome(userId, homeView(await homeInput(deps, userId, now)));
  // Slack gives up retrying within the hour; older ids are only clutter.
  await deps.events.prune(new Date(now.getTime() - 24 * HOUR_MS));
  return 'published';
}

async function homeInput(deps: PublishHomeDeps, userId: SlackUserId, now: Date) {
  const perGroup = await Promise.all(
    deps.groups.all().map(async (group) => {
      const [next, items, lastRecordingUrl] = await Promise.all([
        deps.occurrences.next(group.id, now),
        deps.actionItems.list(group.id, { status: 'open', owner: userId }),
        lastRecording(deps, group.id, now),
      ]);
      const meeting: HomeMeeting | undefined = next && {
        groupName: group.name,
        channelLabel: group.channelLabel,
        timeZone: group.timeZone,
        title: next.title,
        startsAt: new Date(next.startsAt),
        minutesUrl: next.minutes?.url ?? null,
        lastRecordingUrl,
      };
      const today = zonedDate(now, group.timeZone);
      const mine = items.map((item): HomeItem => ({ groupName: group.name, item, today }));
      return { meeting, mine };
    }),
  );
  return {
    meetings: perGroup
      .flatMap((g) => (g.meeting ? [g.meeting] : []))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    items: perGroup
      .flatMap((g) => g.mine)
      .sort((a, b) => (a.item.dueDate ?? '9999').localeCompare(b.item.dueDate ?? '9999')),
  };
}

/** The recording of the group's latest meeting in the last 60 days, if it has one. */
async function lastRecording(
  deps: Pick<PublishHomeDeps, 'occurrences' | 'records'>,
  groupId: GroupId,
  now: Date,
): Promise<string | null> {
  const recent = await deps.occurrences.between(groupId, new Date(now.getTime() - 60 * 24 * HOUR_MS), now);
  const last = recent.filter((o) => o.status === 'scheduled').at(-1);
  return last ? ((await deps.records.recording(groupId, last.startsAt))?.url ?? null) : null;
}
