import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/env.js';
import type { Clock } from './core/clock.js';
import type { Group } from './core/group.js';
import { createGroupDirectory } from './core/groupDirectory.js';
import type { Logger } from './log/logger.js';
import type { Services } from './services.js';
import { registerCommands } from './slack/commands/registerCommands.js';
import { createSlackApp, type SlackConnection } from './slack/createSlackApp.js';
import { resolveChannels } from './slack/resolveChannels.js';
import { healthRoute } from './slack/routes/healthRoute.js';
import { openDatabase } from './store/openDatabase.js';

export interface GavelOptions {
  readonly config: AppConfig;
  readonly connection: SlackConnection;
  readonly groups: readonly Group[];
  readonly clock: Clock;
  readonly log: Logger;
}

export interface RunningGavel {
  /** The bound HTTP port (Slack requests in HTTP mode, health, calendar, webhooks). */
  readonly port: number;
  readonly services: Services;
  /** Stops taking work, lets in-flight work finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** The composition root: builds every adapter once and wires them into the Bolt app. */
export async function startGavel(opts: GavelOptions): Promise<RunningGavel> {
  const { config, log, clock } = opts;
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const store = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: join(config.dataDir, 'gavel.sqlite'),
    logger: log.child({ component: 'store' }),
  });
  try {
    const slack = createSlackApp({
      connection: opts.connection,
      slackApiUrl: config.slackApiUrl,
      port: config.port,
      host: config.host,
      routes: [healthRoute(() => store.ping())],
      log,
    });
    const groups = createGroupDirectory(await resolveChannels(opts.groups, slack.app.client));
    const services: Services = { clock, groups, log };
    registerCommands(slack.app, services);
    const port = await slack.start();
    log.info(
      { port, mode: opts.connection.kind, groups: groups.all().length, dialect: store.dialect },
      'gavel started',
    );

    let stopping: Promise<void> | undefined;
    return {
      port,
      services,
      stop: () => {
        stopping ??= (async () => {
          log.info('gavel stopping');
          await slack.stop().catch((error) => log.warn({ err: error }, 'stopping Slack receiver failed'));
          await store.close();
          log.info('gavel stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
