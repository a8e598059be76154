import type { CustomRoute } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { AppConfig } from './config/env.js';
import type { Clock } from './core/clock.js';
import type { DigestSettings } from './core/digest/digestSettings.js';
import type { Group } from './core/group.js';
import type { Log } from './core/ports/log.js';
import { buildServices } from './compose/buildServices.js';
import { openStore } from './compose/openStore.js';
import { observability, slackTokenCheck } from './compose/observability.js';
import { wireDrivers } from './compose/wireDrivers.js';
import type { Services } from './services.js';
import { createSlackApp, type SlackConnection } from './slack/createSlackApp.js';
import { timedAcks } from './slack/commands/timedAcks.js';
import { startHeartbeat } from './jobs/heartbeat.js';
import { JobWorker } from './jobs/jobWorker.js';
import { forgetGroup, planAll, planGroup } from './usecases/planning/planGroup.js';
import type { Database } from './store/schema.js';
export interface GavelOptions {
  readonly config: AppConfig;
  readonly connection: SlackConnection;
  readonly groups: readonly Group[];
  /** The groups file's weekly digest, if it has one. */
  readonly digest?: DigestSettings | undefined;
  readonly clock: Clock;
  readonly log: Log;
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
  /**
   * Reminders whose minute passed before this instant are not planned (the sandbox passes its
   * start: its first start must not post yesterday's 24-hour reminder late). Unset, a
   * reminder missed during downtime is still posted, late.
   */
  readonly remindersFrom?: Date;
}

export interface RunningGavel {
  /** The bound HTTP port (Slack requests in HTTP mode, health, calendar, webhooks). */
  readonly port: number;
  readonly services: Services;
  /** The slash commands the app declares and listens to, e.g. `/agenda`. */
  readonly commands: readonly string[];
  /** The database itself, for tests and operators' tools; gavel's code reaches it through the stores. */
  readonly database: Kysely<Database>;
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
   * resolved it throws and the running groups stay as they were. The file's `digest` comes
   * along: without one the digest is off (its pending job cancelled); a digest channel not
   * found is logged and turns the digest off, the groups are reloaded all the same.
   */
  reloadGroups(groups: readonly Group[], digest?: DigestSettings): Promise<void>;
  /** Stops taking work, lets in-flight work finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The composition root: opens the store, builds every client and adapter once, then the
 * routes and the Slack app that serve them, then the worker that runs the jobs.
 */
export async function startGavel(opts: GavelOptions): Promise<RunningGavel> {
  const { config, log, clock } = opts;
  const planning = (services: Services) => ({
    ...services,
    slackCallsPerMinute: config.slackCallsPerMinute,
    ...(opts.remindersFrom ? { remindersFrom: opts.remindersFrom } : {}),
  });
  const observed = await observability(config, log);
  // Kysely's query hook only with metrics on: without them nothing would read what it counts.
  const store = await openStore(config, log, config.metrics ? observed.telemetry : undefined);
  try {
    const timing = {
      ...(opts.apiTimeoutMs === undefined ? {} : { timeoutMs: opts.apiTimeoutMs }),
      ...(opts.retryBaseMs === undefined ? {} : { retryBaseMs: opts.retryBaseMs }),
    };
    const built = await buildServices({
      config,
      botToken: opts.connection.botToken,
      store,
      groups: opts.groups,
      digest: opts.digest,
      clock,
      log,
      timing,
      telemetry: observed.telemetry,
      transport: (service) => observed.transport(service),
      replan: async (services, groupId) => {
        const group = services.groups.byId(groupId);
        if (group) await planGroup(planning(services), group);
      },
    });
    const { services, groups } = built;
    const plan = planning(services);
    const drivers = wireDrivers({ config, services, ping: () => store.ping() });
    const slackToken = slackTokenCheck({
      botToken: opts.connection.botToken,
      clientOptions: built.slackClientOptions,
      clock,
      log: log.child({ component: 'slack' }),
    });
    const readiness = {
      database: () => store.ping(),
      groups: () => groups.all().length > 0,
      slack: () => slackToken.accepted(),
    };
    const slack = createSlackApp({
      connection: opts.connection,
      clientOptions: built.slackClientOptions,
      port: config.port,
      host: config.host,
      routes: [...drivers.routes, ...observed.routes(readiness), ...(opts.extraRoutes ?? [])],
      log,
    });
    const commands = timedAcks(slack, (command, s) => observed.telemetry.commandAcked(command, s));
    drivers.register(commands);
    observed.know({
      jobKinds: Object.keys(drivers.jobs),
      commands: commands.commands(),
      jobCounts: (statuses) => services.queue.countByKind(statuses),
    });
    const worker = new JobWorker({
      queue: services.queue,
      handlers: drivers.jobs,
      clock,
      telemetry: observed.telemetry,
      log: log.child({ component: 'jobs' }),
    });
    await planAll(plan);
    const port = await slack.start();
    const beats: { stop(): Promise<void> }[] = [];
    if (opts.heartbeat ?? true) {
      beats.push(startHeartbeat({ seconds: config.heartbeatSeconds, tick: () => worker.tick(), log }));
      // Re-planning is idempotent; hourly keeps the horizon rolling and heals any drift.
      beats.push(startHeartbeat({ cron: '0 7 * * * *', tick: () => planAll(plan), log }));
    }
    log.info(
      {
        port,
        host: config.host,
        mode: opts.connection.kind,
        groups: groups.all().length,
        dialect: store.dialect,
      },
      'gavel started',
    );

    let stopping: Promise<void> | undefined;
    return {
      port,
      services,
      commands: commands.commands(),
      database: store.db,
      tick: () => worker.drain(),
      nextWakeAt: () => services.queue.nextWakeAt(),
      replanAll: () => planAll(plan),
      reloadGroups: async (configured, digest) => {
        const next = await built.prepareGroups(configured);
        const nextDigest = await built.prepareDigest(digest);
        const kept = new Set(next.map((g) => g.id as string));
        const gone = groups.all().filter((g) => !kept.has(g.id));
        groups.replace(next);
        built.digest.replace(nextDigest);
        await planAll(plan);
        for (const group of gone) await forgetGroup(plan, group);
        log.info({ groups: next.length, removed: gone.map((g) => g.id) }, 'groups reloaded');
      },
      stop: () => {
        stopping ??= (async () => {
          log.info('gavel stopping');
          await Promise.all(beats.map((b) => b.stop()));
          await worker.stop();
          await slack
            .stop()
            .catch((error: unknown) => log.warn({ err: error }, 'stopping Slack receiver failed'));
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
