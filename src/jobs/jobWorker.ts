import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { JOB_LEASE_MS, LEASE_RENEW_EVERY_MS } from '../core/jobs/lease.js';
import type { JobQueue } from '../core/ports/jobQueue.js';
import type { Log } from '../core/ports/log.js';
import { noTelemetry, type Telemetry } from '../core/ports/telemetry.js';
import type { Job } from '../core/model/job.js';
import { PermanentJobError } from '../core/jobs/permanentJobError.js';
import type { JobHandlers } from './jobHandler.js';

export interface JobWorkerOptions {
  readonly queue: JobQueue;
  readonly handlers: JobHandlers;
  readonly clock: Clock;
  readonly log: Log;
  /** Jobs claimed per tick. */
  readonly batchSize?: number;
  /** Jobs run at once; the rest of a batch waits its turn. */
  readonly concurrency?: number;
  /** How long a claim holds before another worker may take the job over (a crashed worker's). */
  readonly leaseMs?: number;
  /** How often (real time) a running job's lease is renewed. */
  readonly renewEveryMs?: number;
  /** Told how each run ended and, when done, how long after it was due (by `clock`). */
  readonly telemetry?: Pick<Telemetry, 'jobFinished'>;
}

/**
 * Claims due jobs from the durable queue and runs them. Each replica has its own worker with
 * a unique owner id; the queue's claim is atomic, so a job runs on one replica only. Ticks
 * never overlap: a tick that finds the previous one still running returns at once.
 */
export class JobWorker {
  readonly owner = `worker-${randomUUID()}`;
  readonly #opts: Required<JobWorkerOptions>;
  #running: Promise<number> | undefined;
  #stopped = false;

  constructor(opts: JobWorkerOptions) {
    this.#opts = {
      batchSize: 200,
      concurrency: 25,
      leaseMs: JOB_LEASE_MS,
      renewEveryMs: LEASE_RENEW_EVERY_MS,
      telemetry: noTelemetry,
      ...opts,
    };
  }

  /** One heartbeat: claim what is due now, run it, settle each job. Resolves with the count run. */
  tick(): Promise<number> {
    if (this.#stopped) return Promise.resolve(0);
    if (this.#running) return Promise.resolve(0);
    this.#running = this.#tick().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Runs ticks until nothing more is due at the clock's current time (tests, catch-up). */
  async drain(maxTicks = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxTicks; i++) {
      await this.#running;
      const n = await this.tick();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** Takes no new work; resolves when the tick in flight has settled its jobs. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running?.catch(() => undefined);
  }

  async #tick(): Promise<number> {
    const { queue, clock, batchSize, leaseMs, concurrency } = this.#opts;
    const now = clock.now();
    let jobs: Job[];
    try {
      jobs = await queue.claimDue(this.owner, now, batchSize, leaseMs);
    } catch (error) {
      this.#opts.log.error({ err: error }, 'claiming due jobs failed; will try again next tick');
      return 0;
    }
    const pending = [...jobs];
    const lane = async () => {
      for (let job = pending.shift(); job; job = pending.shift()) await this.#run(job, now);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    return jobs.length;
  }

  async #run(job: Job, claimedAt: Date): Promise<void> {
    const { queue, handlers, clock, telemetry } = this.#opts;
    const log = this.#opts.log.child({ job: job.key, kind: job.kind, attempt: job.attempts });
    const handler = handlers[job.kind];
    const renewal = this.#keepLease(job, log);
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(job, { now: claimedAt, log });
      const doneAt = clock.now();
      await queue.complete(job.id, this.owner, doneAt);
      telemetry.jobFinished(job.kind, 'done', (doneAt.getTime() - Date.parse(job.runAt)) / 1000);
    } catch (error) {
      const retryable = !(error instanceof PermanentJobError);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (retryable) log.warn({ err: error, retryable }, 'job failed');
      else log.error({ err: error, retryable }, 'job failed');
      const parked = !retryable || job.attempts >= job.maxAttempts;
      telemetry.jobFinished(job.kind, parked ? 'failed' : 'retrying', 0);
      await queue
        .fail(job.id, this.owner, message, clock.now(), { retryable })
        .catch((e: unknown) =>
          log.error({ err: e }, 'recording the job failure failed; its lease will expire'),
        );
    } finally {
      clearInterval(renewal);
    }
  }

  /** Renews the job's lease while it runs, so only a dead worker's job is taken over. */
  #keepLease(job: Job, log: Log): NodeJS.Timeout {
    const { queue, clock, leaseMs, renewEveryMs } = this.#opts;
    const timer = setInterval(() => {
      queue
        .renew(job.id, this.owner, new Date(clock.now().getTime() + leaseMs))
        .then((held) => {
          if (!held) log.warn('job lease lost while running; another worker may take it over');
        })
        .catch((e: unknown) => log.warn({ err: e }, 'renewing the job lease failed'));
    }, renewEveryMs);
    timer.unref();
    return timer;
  }
}
