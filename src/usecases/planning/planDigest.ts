import type { Clock } from '../../core/clock.js';
import type { DigestSource } from '../../core/digest/digestSettings.js';
import { DIGEST_JOB_PREFIX, digestJobSpec, nextDigestWeek } from '../../core/digest/digestWeek.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';

export interface PlanDigestDeps {
  readonly clock: Clock;
  readonly queue: Pick<JobQueue, 'enqueue' | 'cancelPending'>;
  readonly digest?: Pick<DigestSource, 'current'> | undefined;
}

/**
 * Plans the weekly digest's next job, and cancels any pending digest job that is no longer
 * the plan (the setting changed or was removed). Idempotent, like the rest of planning.
 */
export async function planDigest(
  deps: PlanDigestDeps,
): Promise<{ readonly digestPlanned: string | undefined; readonly digestJobsCancelled: number }> {
  const now = deps.clock.now();
  const settings = deps.digest?.current();
  const jobs = settings ? [digestJobSpec(nextDigestWeek(settings, now))] : [];
  await deps.queue.enqueue(jobs, now);
  const cancelled = await deps.queue.cancelPending(DIGEST_JOB_PREFIX, new Set(jobs.map((j) => j.key)), now);
  return { digestPlanned: jobs[0]?.key, digestJobsCancelled: cancelled };
}
