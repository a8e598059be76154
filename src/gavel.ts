import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomRoute } from '@slack/bolt';
import type { AppConfig } from './config/env.js';
import type { Clock } from './core/clock.js';
import type { Group } from './core/group.js';
import { createSwappableGroupDirectory } from './core/groupDirectory.js';
import { withoutMinutes } from './core/minutes/withoutMinutes.js';
import type { Logger } from './log/logger.js';
import type { Services } from './services.js';
import { registerCommands } from './slack/commands/registerCommands.js';
import { createSlackApp, type SlackConnection } from './slack/createSlackApp.js';
import { resolveChannels } from './slackApi/resolveChannels.js';
import { webApiWorkspace } from './slackApi/webApiWorkspace.js';
import { calendarRoute } from './slack/routes/calendarRoute.js';
import { githubWebhookRoute } from './slack/routes/githubWebhookRoute.js';
import { healthRoute } from './slack/routes/healthRoute.js';
import { startHeartbeat } from './jobs/heartbeat.js';
import { JobWorker } from './jobs/jobWorker.js';
import { forgetGroup, planAll, planGroup } from './jobs/planner.js';
import { jobHandlers } from './jobs/jobHandlers.js';
import { actionItemStore } from './store/actionItemStore.js';
import { agendaStore } from './store/agendaStore.js';
import { jobQueueStore } from './store/jobQueueStore.js';
import { occurrenceStore } from './store/occurrenceStore.js';
import { openDatabase } from './store/openDatabase.js';
import { reminderDeliveryStore } from './store/reminderDeliveryStore.js';
import { slackEventStore } from './store/slackEventStore.js';

export interface GavelOptions {
  readonly config: AppConfig;
  readonly connection: SlackConnection;
  readonly groups: readonly Group[];
  readonly clock: Clock;
  readonly log: Logger;
  /**
   * node-cron ticks the job worker every `config.heartbeatSeconds`. Tests turn it off and call
   * `tick()` after moving their clock, so no test waits on real time.
   */
  readonly heartbeat?: boolean;
  /**
   * How long one call to Slack, GitHub or Google may take (default 10 s), and the first wait
   * before a client retries on its own (default 1 s). Tests shrink both so a silent or failing
   * test server is given up on in milliseconds; the job queue's backoff does the rest.
   */
  readonly apiTimeoutMs?: number;
  readonly retryBaseMs?: number;
  /** More HTTP routes on the same server (the sandbox page and its API). */
  readonly extraRoutes?: readonly CustomRoute[];
}

export interface RunningGavel {
  /** The bound HTTP port (Slack requests in HTTP mode, health, calendar, webhooks). */
  readonly port: number;
  readonly services: Services;
  /** Runs due jobs until none is left at the clock's current time; resolves with how many ran. */
  tick(): Promise<number>;
  /** When the next job becomes due (or a dead worker's job claimable); undefined when none is queued. */
  nextWakeAt(): Promise<Date | undefined>;
  /** Re-plans every group (also done at start and hourly). */
  replanAll(): Promise<void>;
  /**
   * Takes a new set of groups (the groups file changed): resolves their channels, swaps them
   * in, re-plans, and cancels the pending jobs of groups that are gone (taking back any reminder
   * Slack already holds for a meeting that no longer goes ahead). If a channel cannot be
   * resolved it throws and the running groups stay as they were.
   */
  reloadGroups(groups: readonly Group[]): Promise<void>;
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
  // Routes are built before the services they serve; they answer 503 until start completes.
  let services: Services | undefined;
  try {
    const slack = createSlackApp({
      connection: opts.connection,
      slackApiUrl: config.slackApiUrl,
      port: config.port,
      host: config.host,
      ...(opts.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: opts.apiTimeoutMs }),
      ...(opts.retryBaseMs === undefined ? {} : { retryBaseMs: opts.retryBaseMs }),
      routes: [
        healthRoute(() => store.ping()),
        calendarRoute(() => services, config.publicUrl ? new URL(config.publicUrl).hostname : undefined),
        githubWebhookRoute(() => services, config.github?.webhookSecret),
        ...(opts.extraRoutes ?? []),
      ],
      log,
    });
    const timing = {
      ...(opts.apiTimeoutMs === undefined ? {} : { timeoutMs: opts.apiTimeoutMs }),
      ...(opts.retryBaseMs === undefined ? {} : { retryBaseMs: opts.retryBaseMs }),
    };
    // The Google and GitHub clients are loaded only when configured: together they are a
    // large share of the process's memory, and most deployments use one or neither.
    const minutes = config.google
      ? (await import('./google/googleMinutesFromConfig.js')).googleMinutesFromConfig(config.google, timing)
      : undefined;
    const github = config.github
      ? (await import('./github/githubFromConfig.js')).githubFromConfig(config.github, log, timing)
      : undefined;
    // Without Google credentials the minutes in groups.yml are ignored, and start-up says so.
    const noMinutes = minutes ? undefined : withoutMinutes(opts.groups);
    if (noMinutes && noMinutes.affected.length > 0) {
      log.warn(
        { groups: noMinutes.affected },
        'minutes are configured but Google is not (GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS_JSON or GOOGLE_OAUTH_*): minutes are off',
      );
    }
    const prepare = async (configured: readonly Group[]) =>
      resolveChannels(minutes ? configured : withoutMinutes(configured).groups, slack.app.client);
    const groups = createSwappableGroupDirectory(await prepare(opts.groups));
    const { db, dialect } = store;
    const ready: Services = {
      clock,
      groups,
      log,
      db,
      dialect,
      queue: jobQueueStore(db, dialect),
      occurrences: occurrenceStore(db),
      agenda: agendaStore(db),
      actionItems: actionItemStore(db),
      events: slackEventStore(db),
      reminderDeliveries: reminderDeliveryStore(db),
      slack: slack.app.client,
      workspace: webApiWorkspace(slack.app.client, log.child({ component: 'slack' })),
      ...(minutes ? { minutes } : {}),
      ...(github ? { github } : {}),
      replan: async (groupId) => {
        const group = groups.byId(groupId);
        if (group) await planGroup(ready, group);
      },
    };
    services = ready;
    registerCommands(slack, ready);
    const handlers = jobHandlers(ready);
    const worker = new JobWorker({
      queue: services.queue,
      handlers,
      clock,
      log: log.child({ component: 'jobs' }),
    });
    await planAll(ready);
    const port = await slack.start();
    const beats: { stop(): Promise<void> }[] = [];
    if (opts.heartbeat ?? true) {
      beats.push(startHeartbeat({ seconds: config.heartbeatSeconds, tick: () => worker.tick(), log }));
      // Re-planning is idempotent; hourly keeps the horizon rolling and heals any drift.
      beats.push(startHeartbeat({ cron: '0 7 * * * *', tick: () => planAll(ready), log }));
    }
    log.info(
      { port, mode: opts.connection.kind, groups: groups.all().length, dialect: store.dialect },
      'gavel started',
    );

    let stopping: Promise<void> | undefined;
    return {
      port,
      services: ready,
      tick: () => worker.drain(),
      nextWakeAt: () => ready.queue.nextWakeAt(),
      replanAll: () => planAll(ready),
      reloadGroups: async (configured) => {
        const next = await prepare(configured);
        const kept = new Set(next.map((g) => g.id as string));
        const gone = groups.all().filter((g) => !kept.has(g.id));
        groups.replace(next);
        await planAll(ready);
        for (const group of gone) await forgetGroup(ready, group);
        log.info({ groups: next.length, removed: gone.map((g) => g.id) }, 'groups reloaded');
      },
      stop: () => {
        stopping ??= (async () => {
          log.info('gavel stopping');
          await Promise.all(beats.map((b) => b.stop()));
          await worker.stop();
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
