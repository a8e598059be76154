import type {
  DecisionJobPayload,
  MeetingJobPayload,
  RecordMinutesPayload,
} from '../core/record/recordJobs.js';
import {
  DECISION_ANNOUNCE_JOB,
  DECISION_COMMENT_JOB,
  MEETING_START_JOB,
  RECORD_MINUTES_JOB,
  RECORDING_ASK_JOB,
  RECORDING_POST_JOB,
  WRAP_UP_JOB,
  WRAP_UP_UPDATE_JOB,
} from '../core/record/recordJobs.js';
import { PermanentJobError } from '../core/jobs/permanentJobError.js';
import { announceDecision } from '../usecases/record/announceDecision.js';
import { askForRecording } from '../usecases/record/askForRecording.js';
import { commentDecision } from '../usecases/record/commentDecision.js';
import { postMeetingStart } from '../usecases/record/postMeetingStart.js';
import { postRecording } from '../usecases/record/postRecording.js';
import type { RecordDeps } from '../usecases/record/recordDeps.js';
import { sayWriteBackLate } from '../usecases/record/sayWriteBackLate.js';
import { postWrapUp, updateWrapUp } from '../usecases/record/wrapUp.js';
import { writeRecordToMinutes } from '../usecases/record/writeRecordToMinutes.js';
import { type JobHandler, type JobHandlers, parsePayload } from './jobHandler.js';

/** The meeting record's jobs: each claimed job → its use case, the outcome logged. */
export function meetingRecordJobs(deps: RecordDeps): JobHandlers {
  const meetingJob =
    (run: (p: MeetingJobPayload, now: Date) => Promise<string>, what: string): JobHandler =>
    async (job, { now, log }) => {
      const outcome = await run(parsePayload<MeetingJobPayload>(job), now);
      log.info({ outcome }, what);
    };
  return {
    [MEETING_START_JOB]: meetingJob((p, now) => postMeetingStart(deps, p, now), 'meeting start post'),
    [WRAP_UP_JOB]: meetingJob((p, now) => postWrapUp(deps, p, now), 'wrap-up'),
    [WRAP_UP_UPDATE_JOB]: meetingJob((p, now) => updateWrapUp(deps, p, now), 'wrap-up update'),
    [RECORDING_ASK_JOB]: meetingJob((p, now) => askForRecording(deps, p, now), 'recording ask'),
    [RECORDING_POST_JOB]: meetingJob((p, now) => postRecording(deps, p, now), 'recording post'),
    [DECISION_ANNOUNCE_JOB]: async (job, { now, log }) => {
      const outcome = await announceDecision(deps, parsePayload<DecisionJobPayload>(job).decisionId, now);
      log.info({ outcome }, 'decision announcement');
    },
    [DECISION_COMMENT_JOB]: async (job, { now, log }) => {
      const { decisionId } = parsePayload<DecisionJobPayload>(job);
      try {
        const outcome = await commentDecision({ ...deps, github: deps.github }, decisionId, now);
        log.info({ outcome }, 'decision written back to GitHub');
      } catch (error) {
        const decision = await deps.records.decisionById(decisionId);
        if (decision && (job.attempts === 1 || error instanceof PermanentJobError)) {
          await sayWriteBackLate(
            deps,
            {
              jobKey: job.key,
              groupId: decision.groupId,
              startsAt: decision.meetingStartsAt,
              kind: 'github',
            },
            now,
            log,
          );
        }
        throw error;
      }
    },
    [RECORD_MINUTES_JOB]: async (job, { now, log }) => {
      const payload = parsePayload<RecordMinutesPayload>(job);
      try {
        const outcome = await writeRecordToMinutes(deps, payload, log);
        log.info({ outcome, entry: payload.entry }, 'meeting record written to the minutes');
      } catch (error) {
        if (job.attempts === 1) {
          await sayWriteBackLate(
            deps,
            { jobKey: job.key, groupId: payload.groupId, startsAt: payload.startsAt, kind: 'minutes' },
            now,
            log,
          );
        }
        throw error;
      }
    },
  };
}
