/**
 * Groups writes that share a key into batches (group commit): a write waits for the end of
 * the current turn of the event loop, so every request read from the network in that turn
 * goes in the same batch; those that arrive while a batch is in flight go together as the
 * next one. A lone write waits for nothing but the turn; under a burst, twenty writes cost
 * one statement and one commit instead of twenty. SQLite answers synchronously, so without
 * the turn nothing would ever arrive "meanwhile" there. Keys are forgotten when they fall idle.
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
  endOfTurn: (run: () => void) => void = setImmediate,
): KeyedBatcher<T, R> {
  // A key is present from its first waiting write until its last batch has settled.
  const keys = new Map<string, Waiting<T, R>[]>();

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

  const flush = (key: string, waiting: Waiting<T, R>[]) => {
    if (waiting.length === 0) {
      keys.delete(key);
      return;
    }
    const batch = waiting.splice(0, maxBatch);
    void settle(batch).finally(() => flush(key, waiting));
  };

  return {
    submit(key, item) {
      return new Promise<R>((resolve, reject) => {
        const waiting = keys.get(key);
        if (waiting) {
          waiting.push({ item, resolve, reject });
          return;
        }
        const first = [{ item, resolve, reject }];
        keys.set(key, first);
        endOfTurn(() => flush(key, first));
      });
    },
    get activeKeys() {
      return keys.size;
    },
  };
}
