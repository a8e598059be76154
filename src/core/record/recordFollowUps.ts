import type { Group } from '../group.js';
import type { Attendance, Decision, Recording } from '../model/meetingRecord.js';
import type { JobSpec } from '../ports/jobQueue.js';
import {
  DECISION_ANNOUNCE_JOB,
  DECISION_COMMENT_JOB,
  decisionJobSpec,
  recordingPostJobSpec,
  recordMinutesJobSpec,
  wrapUpUpdateJobSpec,
} from './recordJobs.js';

/**
 * The jobs that follow one thing recorded at a meeting. Their keys come from the stored row
 * alone (its id, its recorded time), never from the moment they are computed: the command
 * that recorded it enqueues them, and the planner enqueues them again for what was recorded
 * in the last day, so a crash between the two writes loses nothing and duplicates nothing.
 */

/** Whether GitHub is configured: a decision naming an issue is commented there only then. */
export interface RecordFollowUpsConfig {
  readonly githubOn: boolean;
}

/** Thread posts wait for the meeting's start, when its start post (the thread) is there. */
const afterStart = (startsAt: string, now: Date): Date =>
  new Date(Math.max(now.getTime(), Date.parse(startsAt)));

export function decisionFollowUps(
  config: RecordFollowUpsConfig,
  group: Group,
  decision: Decision,
  now: Date,
): JobSpec[] {
  const startsAt = decision.meetingStartsAt;
  return [
    decisionJobSpec(DECISION_ANNOUNCE_JOB, decision.id, afterStart(startsAt, now)),
    wrapUpUpdateJobSpec(group.id, startsAt, now, `decision-${decision.id}`),
    ...(decision.reference && config.githubOn
      ? [decisionJobSpec(DECISION_COMMENT_JOB, decision.id, now)]
      : []),
    ...(group.minutes
      ? [
          recordMinutesJobSpec(
            { groupId: group.id, startsAt, entry: 'decision', decisionId: decision.id },
            now,
          ),
        ]
      : []),
  ];
}

/** People checked in together share their recorded time, and so one wrap-up redraw. */
export function checkInFollowUps(group: Group, checkedIn: readonly Attendance[], now: Date): JobSpec[] {
  const minutes = group.minutes
    ? checkedIn.map((a) =>
        recordMinutesJobSpec(
          { groupId: group.id, startsAt: a.meetingStartsAt, entry: 'attendee', userId: a.userId },
          now,
        ),
      )
    : [];
  const redraws = new Map<string, JobSpec>();
  for (const a of checkedIn) {
    const key = `${a.meetingStartsAt} ${a.recordedAt}`;
    if (!redraws.has(key)) {
      redraws.set(key, wrapUpUpdateJobSpec(group.id, a.meetingStartsAt, now, `attendance-${a.recordedAt}`));
    }
  }
  return [...minutes, ...redraws.values()];
}

export function recordingFollowUps(group: Group, recording: Recording, now: Date): JobSpec[] {
  const at = { groupId: group.id, startsAt: recording.meetingStartsAt };
  return [
    recordingPostJobSpec(at, recording.recordedAt, afterStart(recording.meetingStartsAt, now)),
    wrapUpUpdateJobSpec(group.id, recording.meetingStartsAt, now, `recording-${recording.recordedAt}`),
    ...(group.minutes ? [recordMinutesJobSpec({ ...at, entry: 'recording', url: recording.url }, now)] : []),
  ];
}
