/**
 * Runs tasks with the same key one after another in this process. The minutes use one for
 * every write to a doc, keyed by the doc's id, so that a new meeting section and an action
 * item's line never interleave (a read, then an edit at an offset from that read).
 */
export interface KeyedSerial {
  <T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Whether a task with this key is running or waiting: the next one waits for it. */
  busy(key: string): boolean;
}

export function keyedSerial(): KeyedSerial {
  const tails = new Map<string, Promise<unknown>>();
  const serial = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    tails.set(key, run);
    void run
      .finally(() => {
        if (tails.get(key) === run) tails.delete(key);
      })
      .catch(() => undefined);
    return run;
  };
  return Object.assign(serial, { busy: (key: string) => tails.has(key) });
}
