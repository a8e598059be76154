import { loadConfig } from '../../../src/config/env.js';
import { parseGroups } from '../../../src/config/parseGroups.js';
import { ManualClock } from '../../../src/core/clock.js';
import { startGavel } from '../../../src/gavel.js';
import { createLogger } from '../../../src/log/logger.js';

/**
 * The real gavel as its own process, for the crash test: configured from the environment as
 * src/main.ts does, with the heartbeat on, but on a clock that starts at GAVEL_FAKE_NOW and
 * that this process moves itself after every drain of the queue: to the moment the next job
 * is due (or a dead worker's lease runs out), at most GAVEL_FAKE_STEP_MINUTES at a time.
 * Weeks of meetings so come due in seconds, every job runs at its own time as it would in
 * production, and fake time only passes while the app is up and has run everything due: a
 * kill never makes a reminder's meeting start unseen.
 *
 * It speaks to the test in JSON lines on stdout, beside pino's (which carry `level`):
 * `{"child":"ready","port":…}`, `{"child":"now","at":…}` after each step (where the next
 * child resumes), `{"child":"stopped"}` after a graceful SIGTERM.
 */

/** Never stand still: a job due now that another worker holds is waited for in small steps. */
const MIN_STEP_MS = 1000;

const say = (line: { readonly child: string } & Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(): Promise<void> {
  const env = process.env;
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`config: ${loaded.problems.join('; ')}`);
  const { config } = loaded;
  if (config.slack.kind === 'none') throw new Error('config: the crash test runs gavel in HTTP mode');
  const clock = new ManualClock(env['GAVEL_FAKE_NOW'] ?? '');
  if (Number.isNaN(clock.now().getTime())) throw new Error('GAVEL_FAKE_NOW: expected an ISO instant');
  const groups = parseGroups(env['GAVEL_GROUPS_YAML'] ?? '', { now: clock.now() });
  if (!groups.ok) throw new Error(`groups: ${groups.problems.join('; ')}`);
  const stepMs = Number(env['GAVEL_FAKE_STEP_MINUTES'] ?? '30') * 60_000;
  const pauseMs = Number(env['GAVEL_STEP_PAUSE_MS'] ?? '2');

  const running = await startGavel({
    config,
    connection: config.slack,
    groups: groups.groups,
    digest: groups.digest,
    clock,
    log: createLogger({ level: config.logLevel, secrets: [] }),
    heartbeat: true,
  });
  say({ child: 'ready', port: running.port });

  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => {
      stopping = true;
      running.stop().then(resolve, resolve);
    });
  });
  while (!stopping) {
    await running.tick();
    // SIGTERM may have come during the tick: then nothing more is stepped.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (stopping) break;
    const next = await running.nextWakeAt();
    const untilNext = next ? next.getTime() - clock.now().getTime() : stepMs;
    clock.advance(Math.min(stepMs, Math.max(MIN_STEP_MS, untilNext)));
    say({ child: 'now', at: clock.now().toISOString() });
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await stopped;
  say({ child: 'stopped' });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `childGavel failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
