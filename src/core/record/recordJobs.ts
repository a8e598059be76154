import { MINUTE_MS } from '../duration.js';
import type { Group } from '../group.js';
import type { SlackUserId } from '../ids.js';
import type { DecisionId } from '../model/meetingRecord.js';
import type { Occurrence } from '../model/occurrence.js';
import type { JobSpec } from '../ports/jobQueue.js';

/**
 * The jobs of a meeting's record. The three a meeting is planned with (its start post, its
 * wrap-up, the ask for its recording) are deliberately not among the planner's cancellable
 * prefixes: the planner keeps only jobs of meetings that have not started, so it would cancel
 * them while the meeting is on. Each looks at the meeting when it runs instead, and does
 * nothing for a meeting that no longer goes ahead.
 *
 * The others follow one thing someone did (a decision, a check-in, a recording) and are keyed
 * by it. Every key is also the key of the side effect the job makes (see EffectLedger).
 */

export const MEETING_START_JOB = 'meeting-start';
export const WRAP_UP_JOB = 'wrap-up';
export const WRAP_UP_UPDATE_JOB = 'wrap-up-update';
export const RECORDING_ASK_JOB = 'recording-ask';
export const RECORDING_POST_JOB = 'recording-post';
export const DECISION_ANNOUNCE_JOB = 'decision-announce';
export const DECISION_COMMENT_JOB = 'decision-comment';
export const RECORD_MINUTES_JOB = 'record-minutes';

export interface MeetingJobPayload {
  readonly groupId: string;
  /** The meeting's start instant, ISO UTC. */
  readonly startsAt: string;
}

export interface DecisionJobPayload {
  readonly decisionId: DecisionId;
}

/** What goes into the minutes doc: one attendee, one decision, or the recording link. */
export type RecordMinutesPayload = MeetingJobPayload &
  (
    | { readonly entry: 'attendee'; readonly userId: SlackUserId }
    | { readonly entry: 'decision'; readonly decisionId: DecisionId }
    | { readonly entry: 'recording'; readonly url: string }
  );

export const meetingStartKey = (groupId: string, startsAt: string): string =>
  `${MEETING_START_JOB}:${groupId}:${startsAt}`;
export const wrapUpKey = (groupId: string, startsAt: string): string =>
  `${WRAP_UP_JOB}:${groupId}:${startsAt}`;
/** One effect per lead: each is asked once. */
export const recordingAskKey = (groupId: string, startsAt: string, lead?: SlackUserId): string =>
  `${RECORDING_ASK_JOB}:${groupId}:${startsAt}${lead ? `:${lead}` : ''}`;

const meetingJob = (kind: string, key: string, o: Occurrence, runAt: Date): JobSpec => {
  const payload: MeetingJobPayload = { groupId: o.groupId, startsAt: o.startsAt };
  return { key, kind, runAt, payload };
};

/** The record's jobs of one scheduled meeting: the start post, the wrap-up, the recording ask. */
export function meetingRecordJobs(group: Group, o: Occurrence): JobSpec[] {
  const end = Date.parse(o.endsAt);
  return [
    meetingJob(MEETING_START_JOB, meetingStartKey(group.id, o.startsAt), o, new Date(o.startsAt)),
    meetingJob(
      WRAP_UP_JOB,
      wrapUpKey(group.id, o.startsAt),
      o,
      new Date(end + group.wrapUpAfterMinutes * MINUTE_MS),
    ),
    ...(group.recordings.expected
      ? [
          meetingJob(
            RECORDING_ASK_JOB,
            recordingAskKey(group.id, o.startsAt),
            o,
            new Date(end + group.recordings.withinMinutes * MINUTE_MS),
          ),
        ]
      : []),
  ];
}

/** Redraws the wrap-up after something changed; stamped, so every change gets its own run. */
export function wrapUpUpdateJobSpec(groupId: string, startsAt: string, now: Date, what: string): JobSpec {
  const payload: MeetingJobPayload = { groupId, startsAt };
  return {
    key: `${WRAP_UP_UPDATE_JOB}:${groupId}:${startsAt}:${what}`,
    kind: WRAP_UP_UPDATE_JOB,
    runAt: now,
    payload,
  };
}

export const decisionAnnounceKey = (id: DecisionId): string => `${DECISION_ANNOUNCE_JOB}:${id}`;
export const decisionCommentKey = (id: DecisionId): string => `${DECISION_COMMENT_JOB}:${id}`;

export function decisionJobSpec(
  kind: typeof DECISION_ANNOUNCE_JOB | typeof DECISION_COMMENT_JOB,
  id: DecisionId,
  now: Date,
): JobSpec {
  const payload: DecisionJobPayload = { decisionId: id };
  return { key: `${kind}:${id}`, kind, runAt: now, payload };
}

/** The thread post of a recording link, one per link given (a later one replaces it). */
export function recordingPostJobSpec(meeting: MeetingJobPayload, recordedAt: string, now: Date): JobSpec {
  return {
    key: `${RECORDING_POST_JOB}:${meeting.groupId}:${meeting.startsAt}:${recordedAt}`,
    kind: RECORDING_POST_JOB,
    runAt: now,
    payload: meeting,
  };
}

const entryKey = (p: RecordMinutesPayload): string =>
  p.entry === 'attendee' ? p.userId : p.entry === 'decision' ? String(p.decisionId) : p.url;

export function recordMinutesJobSpec(payload: RecordMinutesPayload, now: Date): JobSpec {
  return {
    key: `${RECORD_MINUTES_JOB}:${payload.groupId}:${payload.startsAt}:${payload.entry}:${entryKey(payload)}`,
    kind: RECORD_MINUTES_JOB,
    runAt: now,
    payload,
  };
}
