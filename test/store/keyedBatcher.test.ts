import { describe, expect, it } from 'vitest';
import { keyedBatcher } from '../../src/store/keyedBatcher.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A write that records its batches and settles a moment later, as a database would. */
function recordingWrite(batches: string[][]) {
  return async (batch: readonly string[]) => {
    batches.push([...batch]);
    await tick();
    return batch.map((item) => item.toUpperCase());
  };
}

describe('the keyed batcher', () => {
  it('writes what arrives in one turn of the event loop as one batch, answering each its own result', async () => {
    const batches: string[][] = [];
    const batcher = keyedBatcher(recordingWrite(batches));
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((item) => batcher.submit('meeting', item)));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a', 'b', 'c', 'd']]);
    await tick(); // the key is forgotten once its last batch has settled
    expect(batcher.activeKeys).toBe(0);
  });

  it('batches a synchronous write too: requests read in the same turn share one statement', async () => {
    const batches: string[][] = [];
    // better-sqlite3 answers before the promise is even awaited: nothing is ever "in flight".
    const batcher = keyedBatcher((batch: readonly string[]) => {
      batches.push([...batch]);
      return Promise.resolve(batch);
    });
    const first = Promise.all(['a', 'b'].map((item) => batcher.submit('k', item)));
    await first;
    await batcher.submit('k', 'c');
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('sends what arrives while a batch is in flight as the next batch', async () => {
    const batches: string[][] = [];
    const batcher = keyedBatcher(recordingWrite(batches));
    const first = batcher.submit('k', 'a');
    await new Promise((resolve) => setImmediate(resolve)); // 'a' is now being written
    const rest = ['b', 'c'].map((item) => batcher.submit('k', item));
    expect(await Promise.all([first, ...rest])).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('lets as many batches of a key be in flight as it is told, and no more', async () => {
    const batches: string[][] = [];
    const answers: (() => void)[] = [];
    // Each batch settles only when the test says so.
    const batcher = keyedBatcher(
      (batch: readonly string[]) => {
        batches.push([...batch]);
        return new Promise<readonly string[]>((resolve) => answers.push(() => resolve(batch)));
      },
      { inFlight: 2 },
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const a = batcher.submit('k', 'a');
    await turn();
    const bc = ['b', 'c'].map((item) => batcher.submit('k', item));
    await turn();
    const d = batcher.submit('k', 'd');
    await turn();
    // 'a' and 'b, c' are in flight together; 'd' waits for one of them.
    expect(batches).toEqual([['a'], ['b', 'c']]);
    answers[1]!();
    expect(await Promise.all(bc)).toEqual(['b', 'c']);
    await turn();
    expect(batches).toEqual([['a'], ['b', 'c'], ['d']]);
    answers[0]!();
    answers[2]!();
    expect(await Promise.all([a, d])).toEqual(['a', 'd']);
    await turn();
    expect(batcher.activeKeys).toBe(0);
  });

  it('keeps keys apart and caps a batch', async () => {
    const batches: string[][] = [];
    const batcher = keyedBatcher(recordingWrite(batches), { maxBatch: 2 });
    await Promise.all([
      ...['a1', 'a2', 'a3', 'a4'].map((item) => batcher.submit('a', item)),
      batcher.submit('b', 'b1'),
    ]);
    expect(batches).toEqual([['a1', 'a2'], ['b1'], ['a3', 'a4']]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const batcher = keyedBatcher(async (batch: readonly string[]) => {
      await tick();
      if (batch.includes('bad')) throw new Error('bad item');
      return batch;
    });
    const results = await Promise.allSettled(
      ['first', 'ok', 'bad', 'fine'].map((i) => batcher.submit('k', i)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    await tick(); // the key is forgotten once its last batch has settled
    expect(batcher.activeKeys).toBe(0);
  });
});
