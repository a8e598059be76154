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

export interface BatcherOptions {
  /** The most items one batch carries. */
  readonly maxBatch?: number;
  /**
   * How many batches of one key may be in flight at once (default 1: the next waits for the
   * last). More suits a write that the database itself keeps in order, where waiting here
   * would only leave the connection pool and the event loop idle between round trips.
   */
  readonly inFlight?: number;
  readonly endOfTurn?: (run: () => void) => void;
}

interface KeyState<T, R> {
  readonly waiting: Waiting<T, R>[];
  inFlight: number;
  /** A pump is due at the end of this turn. */
  scheduled: boolean;
}

/**
 * `write` gets a batch and must answer one result per item, in the same order. A batch that
 * fails is tried again item by item, so one bad write never fails the others beside it.
 */
export function keyedBatcher<T, R>(
  write: (batch: readonly T[]) => Promise<readonly R[]>,
  { maxBatch = 50, inFlight = 1, endOfTurn = setImmediate }: BatcherOptions = {},
): KeyedBatcher<T, R> {
  // A key is present from its first waiting write until its last batch has settled.
  const keys = new Map<string, KeyState<T, R>>();

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

  const pump = (key: string, state: KeyState<T, R>) => {
    while (state.inFlight < inFlight && state.waiting.length > 0) {
      const batch = state.waiting.splice(0, maxBatch);
      state.inFlight += 1;
      void settle(batch).finally(() => {
        state.inFlight -= 1;
        pump(key, state);
      });
    }
    if (state.inFlight === 0 && state.waiting.length === 0 && !state.scheduled) keys.delete(key);
  };

  return {
    submit(key, item) {
      return new Promise<R>((resolve, reject) => {
        let state = keys.get(key);
        if (!state) {
          state = { waiting: [], inFlight: 0, scheduled: false };
          keys.set(key, state);
        }
        state.waiting.push({ item, resolve, reject });
        // Whatever arrives in this turn goes together once a batch may leave; with every
        // allowed batch in flight it waits for one of them to settle instead.
        if (state.scheduled || state.inFlight >= inFlight) return;
        state.scheduled = true;
        const due = state;
        endOfTurn(() => {
          due.scheduled = false;
          pump(key, due);
        });
      });
    },
    get activeKeys() {
      return keys.size;
    },
  };
}
