import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { JobQueue } from '../../src/core/ports/jobQueue.js';
import { JobWorker } from '../../src/jobs/jobWorker.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { ENGINES, freshDatabase, silentLogger, type TestDatabase } from '../support/databases.js';

const LEASE_MS = 30_000;
const RENEW_MS = 10_000;

describe.each(ENGINES)('the job worker on %s', (engine) => {
  let tdb: TestDatabase;
  let queue: JobQueue;
  beforeEach(async () => {
    tdb = await freshDatabase(engine);
    queue = jobQueueStore(tdb.opened.db, tdb.opened.dialect);
    // Only the renewal timer is faked: the database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await tdb.dispose();
  });

  it('renews the lease of a job that runs long, so no other worker takes it over while it is alive', async () => {
    const clock = new ManualClock('2026-11-26T16:00:00.000Z');
    await queue.enqueue([{ key: 'slow', kind: 'slow', payload: {}, runAt: clock.now() }], clock.now());
    let finish!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const handlers = {
      slow: () => {
        started();
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    const worker = new JobWorker({
      queue,
      handlers,
      clock,
      log: silentLogger,
      leaseMs: LEASE_MS,
      renewEveryMs: RENEW_MS,
    });
    const ticked = worker.tick();
    await running;

    // Twice past the first lease, renewed each time a renewal was due.
    for (let i = 0; i < 6; i++) {
      clock.advance(RENEW_MS);
      await vi.advanceTimersByTimeAsync(RENEW_MS);
      await vi.waitFor(async () =>
        expect((await queue.byKey('slow'))?.leaseUntil).toBe(
          new Date(clock.now().getTime() + LEASE_MS).toISOString(),
        ),
      );
      expect(await queue.claimDue('other', clock.now(), 10, LEASE_MS)).toEqual([]);
    }
    finish();
    expect(await ticked).toBe(1);
    expect((await queue.byKey('slow'))?.status).toBe('done');
  });
});
