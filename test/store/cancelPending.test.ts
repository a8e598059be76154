import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/ports/jobQueue.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const t0 = new Date('2026-11-26T16:00:00.000Z');
const job = (key: string) => ({ key, kind: 'test', payload: {}, runAt: new Date(t0.getTime() + 60_000) });

// Keys around the prefix `reminder:g1:` that share its first characters, sort next to it, or
// continue it with characters whose UTF-8 and UTF-16 orders differ (U+FFFF, an emoji).
const INSIDE = [
  'reminder:g1:',
  'reminder:g1:2026-11-26T17:00:00.000Z:10m',
  'reminder:g1:é',
  'reminder:g1:\uffff',
  'reminder:g1:\u{1F600}',
  'reminder:g1:\u{10FFFF}',
];
const OUTSIDE = [
  'reminder:g1',
  'reminder:g10:2026-11-26T17:00:00.000Z:10m',
  'reminder:g1;',
  'reminder:G1:x',
  'reminder:g2:x',
  'reminder:g1\u{1F600}:x',
  'minutes:g1:x',
];

describe.each(ENGINES)('cancelPending and replacePending on %s', (engine) => {
  let tdb: TestDatabase;
  let queue: JobQueue;
  beforeEach(async () => {
    tdb = await freshDatabase(engine);
    queue = jobQueueStore(tdb.opened.db, tdb.opened.dialect);
    await queue.enqueue([...INSIDE, ...OUTSIDE].map(job), t0);
  });
  afterEach(() => tdb.dispose());

  const statuses = async () =>
    Object.fromEntries(
      (await tdb.opened.db.selectFrom('jobs').select(['key', 'status']).execute()).map((r) => [
        r.key,
        r.status,
      ]),
    );

  it('cancels every pending key under the prefix, and nothing else', async () => {
    expect(await queue.cancelPending('reminder:g1:', new Set(), t0)).toBe(INSIDE.length);
    const after = await statuses();
    for (const key of INSIDE) expect(after[key], key).toBe('cancelled');
    for (const key of OUTSIDE) expect(after[key], key).toBe('pending');
  });

  it('keeps the kept keys, and handles a non-ASCII prefix', async () => {
    expect(await queue.cancelPending('reminder:g1:', new Set(['reminder:g1:é']), t0)).toBe(INSIDE.length - 1);
    expect((await queue.byKey('reminder:g1:é'))?.status).toBe('pending');
    expect(await queue.cancelPending('reminder:g1\u{1F600}', new Set(), t0)).toBe(1);
    expect((await queue.byKey('reminder:g1\u{1F600}:x'))?.status).toBe('cancelled');
  });

  it('takes several prefixes in one call, and cancels under each of them only', async () => {
    expect(await queue.cancelPending(['reminder:g1:', 'minutes:g1:'], new Set(['reminder:g1:']), t0)).toBe(
      INSIDE.length,
    );
    const after = await statuses();
    expect(after['minutes:g1:x']).toBe('cancelled');
    expect(after['reminder:g1:']).toBe('pending');
    for (const key of OUTSIDE.filter((k) => k !== 'minutes:g1:x')) expect(after[key], key).toBe('pending');
    expect(await queue.cancelPending([], new Set(), t0)).toBe(0);
  });

  // replacePending: the planner's enqueue and cancel in one step.
  const status = async (key: string) => (await queue.byKey(key))?.status;

  it('replacePending leaves exactly the plan pending under the prefixes, and nothing outside them is touched', async () => {
    const plan = [job('reminder:g1:é'), job('reminder:g1:new'), job('minutes:g1:new')];
    expect(await queue.replacePending(['reminder:g1:', 'minutes:g1:'], plan, t0)).toEqual({
      added: 2,
      cancelled: INSIDE.length - 1 + 1,
    });
    for (const key of ['reminder:g1:é', 'reminder:g1:new', 'minutes:g1:new'])
      expect(await status(key), key).toBe('pending');
    for (const key of INSIDE.filter((k) => k !== 'reminder:g1:é'))
      expect(await status(key), key).toBe('cancelled');
    for (const key of OUTSIDE.filter((k) => k !== 'minutes:g1:x'))
      expect(await status(key), key).toBe('pending');
    expect(await status('minutes:g1:x')).toBe('cancelled');
  });

  it('replacePending is a no-op the second time, and brings a cancelled job of the plan back', async () => {
    const plan = [job('reminder:g1:é')];
    await queue.replacePending(['reminder:g1:'], plan, t0);
    expect(await queue.replacePending(['reminder:g1:'], plan, t0)).toEqual({ added: 0, cancelled: 0 });
    expect(await queue.replacePending(['reminder:g1:'], [job('reminder:g1:')], t0)).toEqual({
      added: 1,
      cancelled: 1,
    });
    expect(await status('reminder:g1:')).toBe('pending');
    expect(await status('reminder:g1:é')).toBe('cancelled');
  });

  it('replacePending never cancels a job that is running or done, and takes a key twice as once', async () => {
    const [claimed, finished] = await queue.claimDue('w1', new Date(t0.getTime() + 120_000), 2, 60_000);
    expect(claimed?.key.startsWith('reminder:')).toBe(true);
    expect(finished?.key.startsWith('reminder:')).toBe(true);
    await queue.complete(finished!.id, 'w1', t0);
    const twice = job('reminder:g1:twice');
    expect(await queue.replacePending(['reminder:'], [twice, twice], t0)).toEqual({
      added: 1,
      // Every reminder: key but the running and the done one ('minutes:g1:x' is under no prefix given).
      cancelled: INSIDE.length + OUTSIDE.length - 1 - 2,
    });
    expect(await status(claimed!.key)).toBe('running');
    expect(await status(finished!.key)).toBe('done');
  });

  it('replacePending stores payloads exactly, whatever characters they hold', async () => {
    const payload = { text: 'a "quoted" {brace}, \\back\\slash, NULL, é, \u{1F600}', list: ['x', 'y'] };
    await queue.replacePending(['odd:'], [{ ...job('odd:1'), payload, maxAttempts: 3 }], t0);
    const stored = await queue.byKey('odd:1');
    expect(stored?.payload).toEqual(payload);
    expect(stored?.maxAttempts).toBe(3);
    expect(stored?.runAt).toBe(new Date(t0.getTime() + 60_000).toISOString());
  });
});
