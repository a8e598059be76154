import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { recordingAskDm } from '../../core/record/recordReplies.js';
import { type MeetingJobPayload, recordingAskKey } from '../../core/record/recordJobs.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

/**
 * When a group expects recordings and none arrived in time, each lead gets one DM asking for
 * it. A meeting that did not go ahead, or that has its link, asks nobody.
 */
export async function askForRecording(
  deps: Pick<RecordDeps, 'records' | 'groups' | 'occurrences' | 'effects' | 'workspace'>,
  meeting: MeetingJobPayload,
  now: Date,
): Promise<'asked' | 'has-recording' | 'skipped'> {
  const group = deps.groups.byId(meeting.groupId);
  const occurrence = group ? await deps.occurrences.find(group.id, meeting.startsAt) : undefined;
  if (!group || !group.recordings.expected || occurrence?.status !== 'scheduled') return 'skipped';
  if (await deps.records.recording(group.id, meeting.startsAt)) return 'has-recording';
  const text = recordingAskDm({
    groupName: group.name,
    title: occurrence.title,
    meetingLabel: meetingLabel(occurrence.startsAt, group.timeZone),
    channelLabel: group.channelLabel,
    date: occurrence.localDate,
  });
  for (const lead of group.leads) {
    await postOnce(deps, recordingAskKey(group.id, meeting.startsAt, lead), lead, { text }, now);
  }
  return 'asked';
}
