import type { JobSpec } from '../ports/jobQueue.js';
import { DAY_MS } from '../duration.js';

/**
 * How long finished jobs (done, failed, cancelled) and reminder deliveries are kept after
 * their last change. Two months: an operator looking into a failure reported weeks later
 * (a monthly group's missing reminder) still finds the job and its `last_error`, while the
 * tables stop growing with every meeting. It is also comfortably longer than how far back
 * anything can enqueue a known key again (see retentionCutoff), which is what makes deleting
 * a done job safe.
 */
export const RETENTION_DAYS = 60;

/** Clock skew between replicas, and a meeting planned on the horizon's last minute. */
const SAFETY_MARGIN_MS = DAY_MS;

/**
 * Rows last changed before this instant may be deleted. A job's key is what keeps its work
 * from running twice: enqueueing a key that exists is a no-op, enqueueing a deleted one runs
 * it again. Everything that enqueues a known key does so only while the key's origin is
 * recent: the planner only for meetings starting within its horizon from now, the healing of
 * action items only for items created in the last day. A row changed more than that reach
 * ago (a job is changed no earlier than it is created) therefore belongs to a meeting that
 * has started or to an item too old to heal, and nothing enqueues its key again. The
 * cut-off never comes closer than that reach, whatever RETENTION_DAYS says.
 */
export function retentionCutoff(now: Date, reenqueueReachMs: number): Date {
  const keepMs = Math.max(RETENTION_DAYS * DAY_MS, reenqueueReachMs + SAFETY_MARGIN_MS);
  return new Date(now.getTime() - keepMs);
}

export const RETENTION_JOB = 'retention';

/** One run per hour: whoever plans first in an hour enqueues it, the key keeps it to one. */
export const retentionJobSpec = (now: Date): JobSpec => ({
  key: `${RETENTION_JOB}:${now.toISOString().slice(0, 13)}`,
  kind: RETENTION_JOB,
  payload: {},
  runAt: now,
});
