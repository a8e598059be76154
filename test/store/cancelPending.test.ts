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

describe.each(ENGINES)('cancelPending on %s', (engine) => {
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
});
