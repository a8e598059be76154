import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/ports/jobQueue.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const t0 = new Date('2026-11-26T16:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const job = (key: string, runAt: Date, maxAttempts = 3) => ({
  key,
  kind: 'test',
  payload: { key },
  runAt,
  maxAttempts,
});

describe.each(ENGINES)('the durable job queue on %s', (engine) => {
  let tdb: TestDatabase;
  let queue: JobQueue;
  beforeEach(async () => {
    tdb = await freshDatabase(engine);
    queue = jobQueueStore(tdb.opened.db, tdb.opened.dialect);
  });
  afterEach(() => tdb.dispose());

  it('enqueues a key once, however often it is planned', async () => {
    expect(await queue.enqueue([job('a', at(0)), job('b', at(1))], t0)).toBe(2);
    expect(await queue.enqueue([job('a', at(0)), job('b', at(1)), job('c', at(2))], t0)).toBe(1);
    const rows = await tdb.opened.db.selectFrom('jobs').select('key').orderBy('key').execute();
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });

  it('claims only due jobs, in run_at order, and leases each to one worker', async () => {
    await queue.enqueue([job('late', at(5)), job('second', at(-1)), job('first', at(-2))], t0);
    const claimed = await queue.claimDue('w1', t0, 10, 60_000);
    expect(claimed.map((j) => j.key)).toEqual(['first', 'second']);
    expect(claimed.every((j) => j.status === 'running' && j.attempts === 1 && j.leaseOwner === 'w1')).toBe(
      true,
    );
    expect(await queue.claimDue('w2', t0, 10, 60_000)).toEqual([]);
  });

  it('hands a job whose lease ran out (its worker died) to another worker', async () => {
    await queue.enqueue([job('a', at(0))], t0);
    await queue.claimDue('dead', t0, 10, 60_000);
    expect(await queue.claimDue('w2', at(0.5), 10, 60_000)).toEqual([]);
    const [taken] = await queue.claimDue('w2', at(2), 10, 60_000);
    expect(taken?.leaseOwner).toBe('w2');
    expect(taken?.attempts).toBe(2);
    // The dead worker coming back cannot complete a job it no longer holds.
    await queue.complete(taken!.id, 'dead', at(2));
    expect((await queue.byKey('a'))?.status).toBe('running');
    await queue.complete(taken!.id, 'w2', at(2));
    expect((await queue.byKey('a'))?.status).toBe('done');
  });

  it('keeps a live worker’s job its own while it renews the lease; a worker that lost it cannot renew', async () => {
    await queue.enqueue([job('a', at(0))], t0);
    const [claimed] = await queue.claimDue('w1', t0, 10, 60_000);
    expect(await queue.renew(claimed!.id, 'w1', at(3))).toBe(true);
    expect(await queue.claimDue('w2', at(2), 10, 60_000)).toEqual([]);
    const [taken] = await queue.claimDue('w2', at(4), 10, 60_000);
    expect(taken?.leaseOwner).toBe('w2');
    expect(await queue.renew(claimed!.id, 'w1', at(10))).toBe(false);
    expect((await queue.byKey('a'))?.leaseUntil).toBe(at(5).toISOString());
  });

  it('tells when something next becomes claimable: a pending job’s time or a running job’s lease end', async () => {
    expect(await queue.nextWakeAt()).toBeUndefined();
    await queue.enqueue([job('soon', at(1)), job('later', at(9))], t0);
    expect(await queue.nextWakeAt()).toEqual(at(1));
    await queue.enqueue([job('now', at(0))], t0);
    await queue.claimDue('w1', t0, 10, 30_000);
    // Only 'now' was due; its lease ends half a minute later, before 'soon' is due.
    expect(await queue.nextWakeAt()).toEqual(at(0.5));
  });

  it('retries a failure with growing delays and parks it as failed after max attempts, keeping the error', async () => {
    await queue.enqueue([job('flaky', at(0), 3)], t0);
    let now = t0;
    const runAts: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [claimed] = await queue.claimDue('w', now, 10, 60_000);
      expect(claimed?.attempts).toBe(attempt);
      await queue.fail(claimed!.id, 'w', `boom ${attempt}`, now, { retryable: true });
      const row = await queue.byKey('flaky');
      runAts.push(row!.runAt);
      now = new Date(row!.runAt);
    }
    const parked = await queue.byKey('flaky');
    expect(parked?.status).toBe('failed');
    expect(parked?.lastError).toBe('boom 3');
    expect(runAts.slice(0, 2)).toEqual(['2026-11-26T16:00:30.000Z', '2026-11-26T16:01:30.000Z']);
    expect(await queue.claimDue('w', at(24 * 60), 10, 60_000)).toEqual([]);
  });

  it('parks a permanent failure at once', async () => {
    await queue.enqueue([job('bad', at(0), 5)], t0);
    const [claimed] = await queue.claimDue('w', t0, 10, 60_000);
    await queue.fail(claimed!.id, 'w', 'template not found', t0, { retryable: false });
    expect(await queue.byKey('bad')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'template not found',
    });
  });

  it('cancels pending jobs under a prefix except the ones kept, and revives a cancelled key when planned again', async () => {
    await queue.enqueue([job('r:g:1:a', at(5)), job('r:g:1:b', at(5)), job('r:h:1:a', at(5))], t0);
    expect(await queue.cancelPending('r:g:', new Set(['r:g:1:b']), t0)).toBe(1);
    expect((await queue.byKey('r:g:1:a'))?.status).toBe('cancelled');
    expect((await queue.byKey('r:g:1:b'))?.status).toBe('pending');
    expect((await queue.byKey('r:h:1:a'))?.status).toBe('pending');
    expect(await queue.enqueue([job('r:g:1:a', at(6))], t0)).toBe(1);
    expect(await queue.byKey('r:g:1:a')).toMatchObject({ status: 'pending', runAt: at(6).toISOString() });
  });

  it('never gives one job to two workers claiming at the same moment', async () => {
    await queue.enqueue(
      Array.from({ length: 60 }, (_, i) => job(`j${String(i).padStart(2, '0')}`, at(-1))),
      t0,
    );
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((w) => queue.claimDue(w, t0, 20, 60_000)));
    const keys = claims.flat().map((j) => j.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(60);
  });
});
