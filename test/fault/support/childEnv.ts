import type { TestDatabase } from '../../support/databases.js';

export interface ChildEnvOptions {
  readonly botToken: string;
  readonly signingSecret: string;
  /** The Slack stand-in's address (its API is under /api/). */
  readonly slackUrl: string;
  readonly db: Pick<TestDatabase, 'dataDir' | 'databaseUrl'>;
  readonly groupsYaml: string;
  /** Where the child's fake clock starts; it steps a minute at a time, 2 ms apart. */
  readonly fakeNow: string;
}

/**
 * The environment of a gavel child process that a crash test kills and starts again; `extra`
 * adds the other stand-ins' settings and overrides any of these.
 */
export function childEnv(o: ChildEnvOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: o.botToken,
    SLACK_SIGNING_SECRET: o.signingSecret,
    SLACK_API_URL: `${o.slackUrl}/api/`,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: o.db.dataDir,
    ...(o.db.databaseUrl ? { DATABASE_URL: o.db.databaseUrl } : {}),
    LOG_LEVEL: 'warn',
    HEARTBEAT_SECONDS: '1',
    GAVEL_GROUPS_YAML: o.groupsYaml,
    GAVEL_FAKE_NOW: o.fakeNow,
    GAVEL_FAKE_STEP_MINUTES: '1',
    GAVEL_STEP_PAUSE_MS: '2',
    ...extra,
  };
}
