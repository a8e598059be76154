import { meetingKey } from '../../core/meeting/meetingKey.js';
import { meetingStartMessage } from '../../core/record/meetingStartMessage.js';
import { meetingStartKey, type MeetingJobPayload } from '../../core/record/recordJobs.js';
import { meetingInProgress } from '../../core/record/recordWindows.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

/**
 * At a meeting's start: "<group>: <title> is starting" in the channel, with the join link, the
 * minutes and the agenda, and the I'm here button. Its thread holds everything later about the
 * meeting. Exactly once; not at all for a meeting that no longer goes ahead, or whose check-in
 * window closed while gavel was down (a start post hours late would only confuse).
 */
export async function postMeetingStart(
  deps: Pick<RecordDeps, 'groups' | 'occurrences' | 'agenda' | 'effects' | 'workspace'>,
  meeting: MeetingJobPayload,
  now: Date,
): Promise<'posted' | 'skipped'> {
  const group = deps.groups.byId(meeting.groupId);
  const occurrence = group ? await deps.occurrences.find(group.id, meeting.startsAt) : undefined;
  if (!group || !occurrence || !meetingInProgress([occurrence], now)) return 'skipped';
  const agenda = await deps.agenda.openForMeeting(group.id, occurrence.startsAt);
  const message = meetingStartMessage({
    groupName: group.name,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    endsAt: new Date(occurrence.endsAt),
    timeZone: group.timeZone,
    joinUrl: occurrence.joinUrl,
    dialIn: occurrence.dialIn,
    minutesUrl: occurrence.minutes?.url ?? null,
    agenda: agenda.map((a) => ({ number: a.number, topic: a.topic, github: a.github })),
    meetingKey: meetingKey(group.id, occurrence.startsAt),
  });
  await postOnce(
    deps,
    meetingStartKey(group.id, occurrence.startsAt),
    group.channelId,
    { ...message, unfurl: false },
    now,
  );
  return 'posted';
}
