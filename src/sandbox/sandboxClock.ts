import type { Clock } from '../core/clock.js';

/**
 * The sandbox's clock: real time plus an offset that only grows. A frozen clock would look
 * broken to someone watching the page for minutes; jumping ahead is how reminders and
 * minutes are made to happen now instead of on Thursday.
 */
export class SandboxClock implements Clock {
  #offsetMs = 0;
  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.#offsetMs);
  }

  /** Moves to `to`; never backwards (jobs already run cannot be un-run). */
  jumpTo(to: Date): void {
    const ahead = to.getTime() - this.now().getTime();
    if (ahead > 0) this.#offsetMs += ahead;
  }
}
