import { DAY_MS } from '../../core/duration.js';
import { retentionCutoff } from '../../core/jobs/retention.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { Log } from '../../core/ports/log.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import { PLAN_HORIZON_DAYS } from '../../core/schedule/planHorizon.js';
import { HEAL_WINDOW_MS } from '../../core/todo/todoJobs.js';

/**
 * Rows per statement, and statements per table per run (10,000 rows). Each statement is its
 * own short write: deleting 200 rows from a 200,000-row SQLite table took 7 ms (median; 500
 * rows took 49 ms), and other writers get their turn between statements. The rest of a big
 * backlog waits for the next hourly run.
 */
const BATCH = 200;
const MAX_BATCHES = 50;

/** The furthest back anything enqueues a key it may have enqueued before (see retentionCutoff). */
const REENQUEUE_REACH_MS = Math.max(PLAN_HORIZON_DAYS * DAY_MS, HEAL_WINDOW_MS);

export interface PruneDeps {
  readonly queue: Pick<JobQueue, 'pruneFinished'>;
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'prune'>;
}

/**
 * Deletes finished jobs and reminder deliveries older than the retention period, a bounded
 * number per run. The cut-off is a pure decision of the core, behind anything the planner or
 * the healing of action items could enqueue again, so a deleted done job never runs twice.
 */
export async function pruneOldRecords(deps: PruneDeps, now: Date, log: Log): Promise<void> {
  const before = retentionCutoff(now, REENQUEUE_REACH_MS);
  const jobs = await inBatches((limit) => deps.queue.pruneFinished(before, limit));
  const deliveries = await inBatches((limit) => deps.reminderDeliveries.prune(before, limit));
  log.info({ before: before.toISOString(), jobs, deliveries }, 'old jobs and reminder deliveries pruned');
}

/** Calls `prune` with `batch` until a call deletes fewer, at most `maxBatches` times. */
export async function inBatches(
  prune: (limit: number) => Promise<number>,
  batch = BATCH,
  maxBatches = MAX_BATCHES,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await prune(batch);
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
