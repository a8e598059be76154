/**
 * Groups writes that share a key into batches: the first write of a key goes at once; those
 * that arrive while its batch is in flight wait and then go together as the next batch. At
 * low load nothing waits for company; under a burst, twenty writes cost a few statements
 * instead of twenty in a row. Keys are forgotten when they fall idle.
 */
export interface KeyedBatcher<T, R> {
  submit(key: string, item: T): Promise<R>;
  /** Keys with a batch in flight or waiting (for tests). */
  readonly activeKeys: number;
}

interface Waiting<T, R> {
  readonly item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * `write` gets a batch and must answer one result per item, in the same order. A batch that
 * fails is tried again item by item, so one bad write never fails the others beside it.
 */
export function keyedBatcher<T, R>(
  write: (batch: readonly T[]) => Promise<readonly R[]>,
  maxBatch = 50,
): KeyedBatcher<T, R> {
  const keys = new Map<string, { inFlight: boolean; waiting: Waiting<T, R>[] }>();

  const settle = async (batch: Waiting<T, R>[]) => {
    try {
      const results = await write(batch.map((w) => w.item));
      if (results.length !== batch.length)
        throw new Error('a batch write answered for the wrong number of items');
      batch.forEach((w, i) => w.resolve(results[i] as R));
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const w of batch) await settle([w]);
    }
  };

  const flush = (key: string) => {
    const state = keys.get(key);
    if (!state) return;
    if (state.waiting.length === 0) {
      keys.delete(key);
      return;
    }
    state.inFlight = true;
    const batch = state.waiting.splice(0, maxBatch);
    void settle(batch).finally(() => {
      state.inFlight = false;
      flush(key);
    });
  };

  return {
    submit(key, item) {
      return new Promise<R>((resolve, reject) => {
        let state = keys.get(key);
        if (!state) {
          state = { inFlight: false, waiting: [] };
          keys.set(key, state);
        }
        state.waiting.push({ item, resolve, reject });
        if (!state.inFlight) flush(key);
      });
    },
    get activeKeys() {
      return keys.size;
    },
  };
}
