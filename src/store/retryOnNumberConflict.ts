const MAX_ATTEMPTS = 100;

/**
 * Runs a write that takes "the next free number" (agenda items per meeting, action items per
 * group) again when a concurrent writer took the same number first: the unique index is the
 * arbiter, on one process or many.
 */
export async function retryOnNumberConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
      // A few milliseconds of jitter keeps a burst of writers from colliding in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10)));
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
