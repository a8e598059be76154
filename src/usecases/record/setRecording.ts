import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import { recordingFollowUps } from '../../core/record/recordFollowUps.js';
import type { RecordDeps } from './recordDeps.js';
import { meetingToRecord } from './recordMeeting.js';

/**
 * `/meeting recording <url> [date]`: stores the meeting's recording link (anyone in the
 * channel may give it; a later link replaces it), then posts it in the meeting's thread and
 * writes it into the minutes and the wrap-up.
 */
export async function setRecording(
  deps: Pick<RecordDeps, 'clock' | 'occurrences' | 'records' | 'queue'>,
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly url: string;
    readonly date: LocalDate | undefined;
  },
): Promise<{ readonly meetingLabel: string }> {
  const { group, userId, url } = input;
  const now = deps.clock.now();
  const meeting = await meetingToRecord(deps, group, now, input.date, 'recording');
  const recording = await deps.records.setRecording(group.id, meeting.startsAt, url, userId, now);
  await deps.queue.enqueue(recordingFollowUps(group, recording, now), now);
  return { meetingLabel: `${meeting.title} of ${meetingLabel(meeting.startsAt, group.timeZone)}` };
}
