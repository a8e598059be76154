import { loadConfig } from '../src/config/env.js';
import { parseGroups } from '../src/config/parseGroups.js';
import type { Clock } from '../src/core/clock.js';
import { type RunningGavel, startGavel } from '../src/gavel.js';
import type { Logger } from '../src/log/logger.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_BOT_TOKEN = 'xoxb-bench-0000-gavel';

export interface BenchGavelOptions {
  readonly slackApiUrl: string;
  /** Where the SQLite file lives (also used with PostgreSQL, for nothing). */
  readonly dataDir: string;
  /** `postgres://…` for PostgreSQL, undefined for SQLite. */
  readonly databaseUrl: string | undefined;
  readonly groupsYaml: string;
  readonly clock: Clock;
  readonly log: Logger;
  /** The real node-cron heartbeat (every HEARTBEAT_SECONDS), as in production. */
  readonly heartbeat: boolean;
  /** More settings, as the environment would give them. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The real gavel in HTTP mode on 127.0.0.1:0, configured the way main.ts would configure it. */
export async function startBenchGavel(
  opts: BenchGavelOptions,
): Promise<{ url: string; gavel: RunningGavel }> {
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: `${opts.slackApiUrl}/api/`,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    HEARTBEAT_SECONDS: '2',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(`bench config: ${loaded.problems.join('; ')}`);
  const groups = parseGroups(opts.groupsYaml);
  if (!groups.ok) throw new Error(`bench groups: ${groups.problems.slice(0, 3).join('; ')}`);
  const { config } = loaded;
  if (config.slack.kind !== 'http') throw new Error('the bench runs gavel in HTTP mode');
  const gavel = await startGavel({
    config,
    connection: config.slack,
    groups: groups.groups,
    clock: opts.clock,
    log: opts.log,
    heartbeat: opts.heartbeat,
  });
  return { url: `http://127.0.0.1:${gavel.port}`, gavel };
}
