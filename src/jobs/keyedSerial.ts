/**
 * Runs tasks with the same key one after another in this process, so two writers of one doc
 * (the schedule and `/meeting notes`, or two action-item lines) never interleave.
 */
export function keyedSerial(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    tails.set(key, run);
    void run
      .finally(() => {
        if (tails.get(key) === run) tails.delete(key);
      })
      .catch(() => undefined);
    return run;
  };
}
