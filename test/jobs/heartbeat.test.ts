import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

// node-cron fires on real time; what matters here is what it is told, so its schedule is
// replaced by one that records the options and never fires.
const scheduled = vi.hoisted(() => [] as { options: { logger?: unknown } }[]);
vi.mock('node-cron', () => ({
  default: {
    schedule: (_expression: string, _task: unknown, options: { logger?: unknown }) => {
      scheduled.push({ options });
      return { on: () => undefined, stop: () => Promise.resolve(), destroy: () => Promise.resolve() };
    },
  },
}));

const { cronLogger, startHeartbeat } = await import('../../src/jobs/heartbeat.js');

const capture = () => {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
};

describe('the heartbeat', () => {
  it('gives node-cron gavel’s logger, so nothing it says reaches stdout as plain text', async () => {
    const { log } = capture();
    const beat = startHeartbeat({ seconds: 2, tick: () => Promise.resolve(), log });
    expect(scheduled.at(-1)?.options.logger).toBeDefined();
    await beat.stop();
  });

  it('writes node-cron’s lines as JSON, a skipped overlapping beat at debug', () => {
    const { log, lines } = capture();
    const cron = cronLogger(log);
    cron.warn('task still running, new execution blocked by overlap prevention!');
    cron.warn('missed execution at 2026-12-01! Possible blocking IO');
    cron.error('Task failed with error!', new Error('boom'));
    cron.error(new Error('bare'));
    const parsed = lines.map((l) => JSON.parse(l) as { level: number; msg: string; component: string });
    expect(parsed.map((p) => [p.level, p.component])).toEqual([
      [20, 'cron'],
      [40, 'cron'],
      [50, 'cron'],
      [50, 'cron'],
    ]);
    expect(parsed[2]?.msg).toBe('Task failed with error!');
  });
});
