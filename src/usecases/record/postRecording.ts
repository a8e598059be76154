import { recordingPost } from '../../core/record/recordReplies.js';
import { RECORDING_POST_JOB, type MeetingJobPayload } from '../../core/record/recordJobs.js';
import { threadForPost } from './meetingThread.js';
import { postOnce } from './postOnce.js';
import type { RecordDeps } from './recordDeps.js';

/** Posts the meeting's recording link in its thread, once per link given. */
export async function postRecording(
  deps: Pick<RecordDeps, 'records' | 'groups' | 'effects' | 'workspace'>,
  meeting: MeetingJobPayload,
  now: Date,
): Promise<'posted' | 'gone'> {
  const group = deps.groups.byId(meeting.groupId);
  const recording = group ? await deps.records.recording(group.id, meeting.startsAt) : undefined;
  if (!group || !recording) return 'gone';
  const threadTs = await threadForPost(deps, group.id, meeting.startsAt, now);
  await postOnce(
    deps,
    `${RECORDING_POST_JOB}:${group.id}:${meeting.startsAt}:${recording.recordedAt}`,
    group.channelId,
    { text: recordingPost(recording.url, recording.recordedBy), ...(threadTs ? { threadTs } : {}) },
    now,
  );
  return 'posted';
}
