import { loadConfig } from '../../src/config/env.js';
import { parseGroups } from '../../src/config/parseGroups.js';
import { ManualClock } from '../../src/core/clock.js';
import { type RunningGavel, startGavel } from '../../src/gavel.js';
import type { Logger } from '../../src/log/logger.js';
import { type Engine, freshDatabase, silentLogger, type TestDatabase } from './databases.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { sendInteraction, sendSlashCommand } from '../../src/standins/slackRequests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-0000-gavel';
export const SERVERLESS_CHANNEL = 'C0SERVERLESS';
export const LEAD = 'U0LEAD001';
export const MEMBER = 'U0MEMBER1';
export const OTHER_MEMBER = 'U0MEMBER2';

export const SERVERLESS_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - title: Weekly call
        day: thursday
        time: "09:00"
        duration: 1h
        join_url: https://zoom.us/j/123456789
    reminders: [24h, 10m]
    github:
      repo: cncf/wg-serverless
      labels: [action-item]
    github_logins:
      ${MEMBER}: alice-gh
`;

export interface GavelHarness {
  readonly url: string;
  readonly slack: SlackApiServer;
  readonly clock: ManualClock;
  readonly gavel: RunningGavel;
  readonly db: TestDatabase;
  command(
    command: string,
    text: string,
    opts?: { userId?: string; channelId?: string },
  ): Promise<{ status: number; body: unknown }>;
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly engine: Engine;
  readonly now: string | Date;
  readonly groupsYaml?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Reuse a database (two app processes against one PostgreSQL): not disposed by stop(). */
  readonly sharedDatabase?: TestDatabase;
  /** Extra channels the Slack workspace has, beyond #serverless, #cf-app-runtime and #random. */
  readonly channels?: readonly { readonly id: string; readonly name: string }[];
  /** Who is in #serverless, as conversations.members answers (nobody unless set). */
  readonly serverlessMembers?: readonly string[];
  /** Reuse a Slack server (several apps, one workspace): not closed by stop(). */
  readonly sharedSlack?: SlackApiServer;
  /** Client timeouts and retry waits (GavelOptions): fault tests shrink them to milliseconds. */
  readonly apiTimeoutMs?: number;
  readonly retryBaseMs?: number;
  /** Where the app logs (silent unless a test reads what an operator would see). */
  readonly log?: Logger;
}

/**
 * The real gavel (Bolt HTTP receiver, real WebClient, real database) on 127.0.0.1:0,
 * talking to a local server that speaks Slack's Web API, with a clock the test moves.
 */
export async function startHarness(opts: HarnessOptions): Promise<GavelHarness> {
  const clock = new ManualClock(opts.now);
  const slack =
    opts.sharedSlack ??
    (await startSlackApiServer({
      token: BOT_TOKEN,
      // Slack posts scheduled messages by the same clock the app runs on.
      now: () => clock.now(),
      channels: [
        { id: SERVERLESS_CHANNEL, name: 'serverless', members: opts.serverlessMembers ?? [] },
        { id: 'C0CFRUNTIME', name: 'cf-app-runtime' },
        { id: 'C0RANDOM01', name: 'random' },
        ...(opts.channels ?? []),
      ],
      users: [
        {
          id: LEAD,
          name: 'lead',
          real_name: 'Lea Lead',
          tz: 'America/Los_Angeles',
          tz_label: 'Pacific Standard Time',
          tz_offset: -28800,
        },
        {
          id: MEMBER,
          name: 'alice',
          real_name: 'Alice',
          tz: 'Europe/Berlin',
          tz_label: 'Central European Time',
          tz_offset: 3600,
        },
        {
          id: OTHER_MEMBER,
          name: 'bob',
          real_name: 'Bob',
          tz: 'Asia/Kolkata',
          tz_label: 'India Standard Time',
          tz_offset: 19800,
        },
      ],
    }));
  const db = opts.sharedDatabase ?? (await freshDatabase(opts.engine));
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: db.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(`harness config: ${loaded.problems.join('; ')}`);
  const groups = parseGroups(opts.groupsYaml ?? SERVERLESS_YAML, { now: clock.now() });
  if (!groups.ok) throw new Error(`harness groups: ${groups.problems.join('; ')}`);
  const { config } = loaded;
  if (config.slack.kind !== 'http') throw new Error('harness runs in HTTP mode');
  const gavel = await startGavel({
    config,
    connection: config.slack,
    groups: groups.groups,
    digest: groups.digest,
    clock,
    log: opts.log ?? silentLogger,
    heartbeat: false,
    ...(opts.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: opts.apiTimeoutMs }),
    ...(opts.retryBaseMs === undefined ? {} : { retryBaseMs: opts.retryBaseMs }),
  });
  const url = `http://127.0.0.1:${gavel.port}`;
  return {
    url,
    slack,
    clock,
    gavel,
    db,
    command: (command, text, o) =>
      sendSlashCommand(url, SIGNING_SECRET, {
        command,
        text,
        userId: o?.userId ?? MEMBER,
        channelId: o?.channelId ?? SERVERLESS_CHANNEL,
        responseUrl: slack.responseUrl(`${command.slice(1)}-${Date.now()}`),
        triggerId: `trigger-${Math.random().toString(36).slice(2)}`,
      }),
    interact: (payload) => sendInteraction(url, SIGNING_SECRET, payload),
    async stop() {
      await gavel.stop();
      if (!opts.sharedSlack) await slack.close();
      if (!opts.sharedDatabase) await db.dispose();
    },
  };
}
