import type { Clock } from '../src/core/clock.js';

/**
 * A clock that stands still (while gavel plans "days before" a meeting) and then, from a
 * chosen instant, runs at real speed: the fan-out is about real-time lateness.
 */
export class BenchClock implements Clock {
  #fixedMs: number;
  #realStartMs: number | undefined;

  constructor(start: Date) {
    this.#fixedMs = start.getTime();
  }

  now(): Date {
    const elapsed = this.#realStartMs === undefined ? 0 : Date.now() - this.#realStartMs;
    return new Date(this.#fixedMs + elapsed);
  }

  /** From now on, time flows in real time starting at `from`. */
  runFrom(from: Date): void {
    this.#fixedMs = from.getTime();
    this.#realStartMs = Date.now();
  }
}
