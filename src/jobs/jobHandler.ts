import type { Logger } from '../log/logger.js';
import type { Job } from '../core/model/job.js';

export interface JobContext {
  /** The instant the heartbeat claimed the job (from the injected clock). */
  readonly now: Date;
  readonly log: Logger;
}

/** Runs one job. Throw to retry with backoff; throw PermanentJobError to park it as failed. */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A failure that retrying cannot fix (a 404 template, a 422 from GitHub): park the job now. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** A job's payload as the code that enqueued it shaped it (payloads are gavel's own data). */
export const parsePayload = <T>(job: Job): T => job.payload as T;
