import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Log } from '../core/ports/log.js';

/** Bolt and WebClient log through pino; their chatty debug output goes to trace. */
export function boltLogger(log: Log): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const fmt = (msgs: unknown[]) => msgs.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  let level = LogLevel.INFO;
  return {
    // Bolt logs at debug on every request whatever its level: format only what will be written.
    debug: (...m) => {
      if (child.isLevelEnabled('trace')) child.trace(fmt(m));
    },
    info: (...m) => child.info(fmt(m)),
    warn: (...m) => child.warn(fmt(m)),
    error: (...m) => child.error(fmt(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
