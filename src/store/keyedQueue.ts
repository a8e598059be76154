/**
 * Runs tasks that share a key one after another (in the order they came) and tasks with
 * different keys side by side. A key is forgotten as soon as its last task settles, so the
 * memory held is bounded by what is in flight, not by how many keys were ever seen.
 */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with a task queued or running (for tests). */
  readonly activeKeys: number;
}

export function keyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key);
      // A failed task must not fail the ones queued behind it: they wait for it to settle only.
      const result = previous ? previous.then(task, task) : start(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get activeKeys() {
      return tails.size;
    },
  };
}

function start<T>(task: () => Promise<T>): Promise<T> {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
