import type { Job, JobId, JobStatus } from '../model/job.js';

/** A job to be run at `runAt`, identified by its natural key (enqueueing it twice is a no-op). */
export interface JobSpec {
  readonly key: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly runAt: Date;
  readonly maxAttempts?: number;
}

/** How many jobs of one kind are in one state (for the operators' metrics). */
export interface JobCount {
  readonly kind: string;
  readonly status: JobStatus;
  readonly count: number;
}

/**
 * The durable queue. Claims are atomic across processes: a job is leased to one worker at a
 * time, and a lease that runs out (its worker died) makes the job claimable again.
 */
export interface JobQueue {
  /** Adds the jobs whose keys are new and revives cancelled ones; returns how many changed. */
  enqueue(jobs: readonly JobSpec[], now: Date): Promise<number>;
  /** Leases up to `limit` due jobs to `owner`, counting the attempt. */
  claimDue(owner: string, now: Date, limit: number, leaseMs: number): Promise<Job[]>;
  /** Extends a running job's lease while its worker is alive; false if the lease was lost. */
  renew(id: JobId, owner: string, leaseUntil: Date): Promise<boolean>;
  /** When something next becomes claimable: the earliest pending run_at or running lease end. */
  nextWakeAt(): Promise<Date | undefined>;
  complete(id: JobId, owner: string, now: Date): Promise<void>;
  /** Retryable failures go back to pending with backoff until max_attempts; the rest park as failed. */
  fail(id: JobId, owner: string, error: string, now: Date, opts: { retryable: boolean }): Promise<void>;
  /**
   * Cancels pending jobs whose key starts with `prefix` (or with any of several, looked up in
   * one statement), except `keep`; returns how many.
   */
  cancelPending(prefix: string | readonly string[], keep: ReadonlySet<string>, now: Date): Promise<number>;
  /**
   * Makes the pending jobs under `prefixes` exactly `jobs`: enqueues them (as enqueue does) and
   * cancels every other pending job under those prefixes, in one step where the engine allows
   * (the planner's question for each group, once a plan: one round trip instead of three).
   */
  replacePending(
    prefixes: readonly string[],
    jobs: readonly JobSpec[],
    now: Date,
  ): Promise<{ readonly added: number; readonly cancelled: number }>;
  /** Marks a finished job cancelled, so that planning it again runs it again; false if it was not done. */
  reopenDone(key: string, now: Date): Promise<boolean>;
  byKey(key: string): Promise<Job | undefined>;
  /**
   * Deletes up to `limit` finished jobs (done, failed, cancelled) last changed before
   * `before`; returns how many. See retentionCutoff for which `before` is safe.
   */
  pruneFinished(before: Date, limit: number): Promise<number>;
  /** How many jobs there are by kind in each of `statuses` (kinds with none are left out). */
  countByKind(statuses: readonly JobStatus[]): Promise<JobCount[]>;
}
