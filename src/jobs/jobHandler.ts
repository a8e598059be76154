import type { Log } from '../core/ports/log.js';
import type { Job } from '../core/model/job.js';

export interface JobContext {
  /** The instant the heartbeat claimed the job (from the injected clock). */
  readonly now: Date;
  readonly log: Log;
}

/** Runs one job. Throw to retry with backoff; throw PermanentJobError (core/jobs) to park it as failed. */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A job's payload as the code that enqueued it shaped it (payloads are gavel's own data). */
export const parsePayload = <T>(job: Job): T => job.payload as T;
