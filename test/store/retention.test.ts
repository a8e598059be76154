import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/ports/jobQueue.js';
import type { ReminderDeliveries } from '../../src/core/ports/reminderDeliveries.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { reminderDeliveryStore } from '../../src/store/reminderDeliveryStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const DAY_MS = 24 * 60 * 60_000;
const cutoff = new Date('2027-01-01T00:00:00.000Z');
const OLD = new Date(cutoff.getTime() - DAY_MS);
const RECENT = new Date(cutoff.getTime() + DAY_MS);
/** Pending jobs wait, and running ones hold their lease, beyond every instant the tests use. */
const LATER = new Date(cutoff.getTime() + 1000 * DAY_MS);
const LONG_LEASE_MS = 2000 * DAY_MS;
const job = (key: string, runAt: Date) => ({ key, kind: 'test', payload: {}, runAt, maxAttempts: 1 });

describe.each(ENGINES)('pruning old rows on %s', (engine) => {
  let tdb: TestDatabase;
  let queue: JobQueue;
  let deliveries: ReminderDeliveries;
  beforeEach(async () => {
    tdb = await freshDatabase(engine);
    queue = jobQueueStore(tdb.opened.db, tdb.opened.dialect);
    deliveries = reminderDeliveryStore(tdb.opened.db);
  });
  afterEach(() => tdb.dispose());

  const keys = async (table: 'jobs' | 'reminder_deliveries') =>
    table === 'jobs'
      ? (await tdb.opened.db.selectFrom('jobs').select('key').orderBy('key').execute()).map((r) => r.key)
      : (
          await tdb.opened.db.selectFrom('reminder_deliveries').select('job_key').orderBy('job_key').execute()
        ).map((r) => r.job_key);

  /** Enqueued and claimed at `at`; then settled as `how` at `at`, or left running. */
  const jobAt = async (key: string, at: Date, how: 'done' | 'failed' | 'running' | 'pending') => {
    await queue.enqueue([job(key, how === 'pending' ? LATER : at)], at);
    if (how === 'pending') return;
    const [claimed] = await queue.claimDue('w', at, 1, LONG_LEASE_MS);
    if (how === 'done') await queue.complete(claimed!.id, 'w', at);
    if (how === 'failed') await queue.fail(claimed!.id, 'w', 'Error: gone', at, { retryable: false });
  };

  it('deletes finished jobs last changed before the cut-off; keeps recent ones and unfinished ones', async () => {
    await jobAt('old-done', OLD, 'done');
    await jobAt('old-failed', OLD, 'failed');
    await jobAt('old-cancelled', OLD, 'pending');
    await queue.cancelPending('old-cancelled', new Set(), OLD);
    await jobAt('old-pending', OLD, 'pending');
    await jobAt('old-running', OLD, 'running');
    await jobAt('recent-done', RECENT, 'done');
    await jobAt('recent-failed', RECENT, 'failed');

    expect(await queue.pruneFinished(cutoff, 100)).toBe(3);
    expect(await keys('jobs')).toEqual(['old-pending', 'old-running', 'recent-done', 'recent-failed']);
  });

  it('keeps a cancelled job that planning revived, however old its first change', async () => {
    await jobAt('revived', OLD, 'pending');
    await queue.cancelPending('revived', new Set(), OLD);
    await queue.enqueue([job('revived', RECENT)], OLD);
    expect(await queue.pruneFinished(cutoff, 100)).toBe(0);
    expect((await queue.byKey('revived'))?.status).toBe('pending');
  });

  it('deletes at most `limit` jobs per call', async () => {
    for (let i = 0; i < 7; i++) await jobAt(`done-${i}`, OLD, 'done');
    expect(await queue.pruneFinished(cutoff, 3)).toBe(3);
    expect(await queue.pruneFinished(cutoff, 3)).toBe(3);
    expect(await queue.pruneFinished(cutoff, 3)).toBe(1);
    expect(await queue.pruneFinished(cutoff, 3)).toBe(0);
    expect(await keys('jobs')).toEqual([]);
  });

  it('deletes old reminder deliveries no job can consult any more; keeps recent ones and those of unfinished jobs', async () => {
    const posted = { state: 'posted', ts: '1.2' } as const;
    await jobAt('old-done', OLD, 'done');
    await deliveries.record('old-done', posted, OLD);
    // Its job already pruned.
    await deliveries.record('old-orphan', posted, OLD);
    await jobAt('old-running', OLD, 'running');
    await deliveries.record('old-running', { state: 'posting' }, OLD);
    await jobAt('old-pending', OLD, 'pending');
    await deliveries.record(
      'old-pending',
      { state: 'scheduled', postAt: OLD, scheduledMessageId: 'Q1' },
      OLD,
    );
    await jobAt('recent-done', RECENT, 'done');
    await deliveries.record('recent-done', posted, RECENT);

    expect(await deliveries.prune(cutoff, 100)).toBe(2);
    expect(await keys('reminder_deliveries')).toEqual(['old-pending', 'old-running', 'recent-done']);
  });

  it('deletes at most `limit` deliveries per call', async () => {
    for (let i = 0; i < 5; i++) await deliveries.record(`r-${i}`, { state: 'posted', ts: '1' }, OLD);
    expect(await deliveries.prune(cutoff, 2)).toBe(2);
    expect(await deliveries.prune(cutoff, 2)).toBe(2);
    expect(await deliveries.prune(cutoff, 2)).toBe(1);
    expect(await keys('reminder_deliveries')).toEqual([]);
  });
});
