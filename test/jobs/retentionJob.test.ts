import { describe, expect, it } from 'vitest';
import { inBatches } from '../../src/usecases/housekeeping/pruneOldRecords.js';

/** A table of `rows` old rows, deleting up to the limit it is given per call. */
const table = (rows: number) => {
  const calls: number[] = [];
  let left = rows;
  const prune = (limit: number) => {
    calls.push(limit);
    const deleted = Math.min(limit, left);
    left -= deleted;
    return Promise.resolve(deleted);
  };
  return { prune, calls, left: () => left };
};

describe('one retention run', () => {
  it('deletes in batches until a batch comes back short', async () => {
    const t = table(450);
    expect(await inBatches(t.prune, 200, 50)).toBe(450);
    expect(t.calls).toEqual([200, 200, 200]);
  });

  it('stops after its batch budget and leaves the rest of a backlog for the next run', async () => {
    const t = table(1_000_000);
    expect(await inBatches(t.prune)).toBe(10_000);
    expect(t.calls).toHaveLength(50);
    expect(t.left()).toBe(990_000);
  });
});
