import cron from 'node-cron';
import type { Log } from '../core/ports/log.js';

/**
 * node-cron drives the worker: every few seconds one tick. The tick itself decides what is
 * due from the database and the injected clock, so a missed beat loses nothing.
 */
export function startHeartbeat(opts: {
  /** Every N seconds, or an explicit node-cron expression. */
  seconds?: number;
  cron?: string;
  tick: () => Promise<unknown>;
  log: Log;
}): {
  stop(): Promise<void>;
} {
  const task = cron.schedule(opts.cron ?? `*/${opts.seconds ?? 2} * * * * *`, () => opts.tick(), {
    name: opts.cron ? 'gavel-replan' : 'gavel-heartbeat',
    noOverlap: true,
    suppressMissedWarning: true,
  });
  task.on('execution:failed', (ctx) =>
    opts.log.error({ err: ctx.execution?.error }, 'heartbeat tick failed'),
  );
  return {
    stop: async () => {
      await task.stop();
      await task.destroy();
    },
  };
}
