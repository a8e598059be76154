/**
 * Delay before retry number `attempt` (1 = the first retry): 30 s, 1 min, 2 min … capped at
 * one hour. Deterministic on purpose: the queue's lease already spreads replicas apart, and a
 * predictable schedule is what an operator reading `last_error` wants to reason about.
 */
export function retryDelayMs(attempt: number): number {
  const base = 30_000;
  const cap = 60 * 60_000;
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}

export const DEFAULT_MAX_ATTEMPTS = 8;
