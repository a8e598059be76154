import cron, { type Logger as CronLogger } from 'node-cron';
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
    logger: cronLogger(opts.log),
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

/**
 * node-cron's own lines, as JSON through gavel's log (its default writes coloured text to the
 * console, and every stdout line must be JSON). A beat skipped because the last tick is still
 * running is what noOverlap is for, so it is a debug line, not a warning.
 */
export function cronLogger(log: Log): CronLogger {
  const cronLog = log.child({ component: 'cron' });
  // pino's methods need their logger as `this`: always called on cronLog, never detached.
  const withError = (level: 'error' | 'debug') => (message: string | Error, err?: Error) => {
    if (message instanceof Error) cronLog[level]({ err: message }, 'node-cron reported an error');
    else if (err) cronLog[level]({ err }, message);
    else cronLog[level](message);
  };
  return {
    info: (message) => cronLog.info(message),
    warn: (message) => (message.includes('still running') ? cronLog.debug(message) : cronLog.warn(message)),
    error: withError('error'),
    debug: withError('debug'),
  };
}
