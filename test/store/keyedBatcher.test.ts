import { describe, expect, it } from 'vitest';
import { keyedBatcher } from '../../src/store/keyedBatcher.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the keyed batcher', () => {
  it('writes the first item at once and those that arrive meanwhile as the next batch, answering each its own result', async () => {
    const batches: string[][] = [];
    const batcher = keyedBatcher(async (batch: readonly string[]) => {
      batches.push([...batch]);
      await tick();
      return batch.map((item) => item.toUpperCase());
    });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((item) => batcher.submit('meeting', item)));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    await tick(); // the key is forgotten once its last batch has settled
    expect(batcher.activeKeys).toBe(0);
  });

  it('keeps keys apart and caps a batch', async () => {
    const batches: string[][] = [];
    const batcher = keyedBatcher(async (batch: readonly string[]) => {
      batches.push([...batch]);
      await tick();
      return batch;
    }, 2);
    await Promise.all([
      ...['a1', 'a2', 'a3', 'a4'].map((item) => batcher.submit('a', item)),
      batcher.submit('b', 'b1'),
    ]);
    expect(batches).toEqual([['a1'], ['b1'], ['a2', 'a3'], ['a4']]);
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
