import { boltLogger } from '../slack/boltLogger.js';
import { createAudienceZones } from '../usecases/dst/audienceZones.js';
import { WebClient } from '@slack/web-api';
import type { AppConfig } from '../config/env.js';
import type { Clock } from '../core/clock.js';
import type { Group } from '../core/group.js';
import {
  createSwappableGroupDirectory,
  type ResolvedGroup,
  type SwappableGroupDirectory,
} from '../core/groupDirectory.js';
import { withoutMinutes } from '../core/minutes/withoutMinutes.js';
import type { Log } from '../core/ports/log.js';
import type { RemoteService, Telemetry } from '../core/ports/telemetry.js';
import type { Services } from '../services.js';
import { resolveChannels, resolveDigestChannel } from '../slackApi/resolveChannels.js';
import {
  createDigestSource,
  type DigestSettings,
  type ResolvedDigest,
  type SwappableDigestSource,
} from '../core/digest/digestSettings.js';
import { webApiWorkspace } from '../slackApi/webApiWorkspace.js';
import { webClientOptions } from '../slackApi/webClientOptions.js';
import { actionItemStore } from '../store/actionItemStore.js';
import { agendaStore } from '../store/agendaStore.js';
import { agendaCountStore } from '../store/agendaCountStore.js';
import { jobQueueStore } from '../store/jobQueueStore.js';
import { occurrenceStore } from '../store/occurrenceStore.js';
import type { OpenedDatabase } from '../store/openDatabase.js';
import { reminderDeliveryStore } from '../store/reminderDeliveryStore.js';
import { meetingRecordStore } from '../store/meetingRecordStore.js';
import { effectLedgerStore } from '../store/effectLedgerStore.js';
import { slackEventStore } from '../store/slackEventStore.js';

export interface ClientTiming {
  readonly timeoutMs?: number;
  readonly retryBaseMs?: number;
}

export interface BuiltServices {
  readonly services: Services;
  /** The same directory as services.groups, with the swap a groups-file reload needs. */
  readonly groups: SwappableGroupDirectory;
  /** The options Bolt's own Web API client gets: the same as the workspace's. */
  readonly slackClientOptions: ReturnType<typeof webClientOptions>;
  /** Resolves a groups file's channels and drops its minutes when Google is not configured. */
  prepareGroups(configured: readonly Group[]): Promise<ResolvedGroup[]>;
  /** The same as services.digest, with the swap a groups-file reload needs. */
  readonly digest: SwappableDigestSource;
  /**
   * Resolves the digest's channel; one not found is logged (one line, with its path) and the
   * digest is off: undefined.
   */
  prepareDigest(configured: DigestSettings | undefined): Promise<ResolvedDigest | undefined>;
}

/**
 * Every adapter, built once: the stores over the opened database, the Slack workspace, and the
 * Google and GitHub clients when configured. `replan` is wired by the caller, which owns planning.
 */
export async function buildServices(opts: {
  readonly config: AppConfig;
  readonly botToken: string;
  readonly store: OpenedDatabase;
  readonly groups: readonly Group[];
  readonly digest?: DigestSettings | undefined;
  readonly clock: Clock;
  readonly log: Log;
  readonly timing: ClientTiming;
  readonly telemetry: Telemetry;
  /** Each remote service's transport (undefined: the global fetch); see compose/observability.ts. */
  readonly transport: (service: RemoteService) => typeof fetch | undefined;
  readonly replan: (services: Services, groupId: string) => Promise<void>;
}): Promise<BuiltServices> {
  const { config, store, clock, log, timing } = opts;
  const via = (service: RemoteService) => {
    const fetch = opts.transport(service);
    return fetch ? { fetch } : {};
  };
  const slackClientOptions = webClientOptions({
    slackApiUrl: config.slackApiUrl,
    ...timing,
    ...via('slack'),
  });
  // Its own logger would write plain-text lines (a 429's "[INFO] web-api:WebClient…") to stdout.
  const client = new WebClient(opts.botToken, { ...slackClientOptions, logger: boltLogger(log) });
  // The Google and GitHub clients are loaded only when configured: together they are a
  // large share of the process's memory, and most deployments use one or neither.
  const minutes = config.google
    ? (await import('../google/googleMinutesFromConfig.js')).googleMinutesFromConfig(config.google, {
        ...timing,
        ...via('google'),
      })
    : undefined;
  const calendarId = config.google?.calendarId;
  const calendar =
    config.google && calendarId
      ? (await import('../google/googleCalendarFromConfig.js')).googleCalendarFromConfig(
          config.google,
          calendarId,
          { ...timing, ...via('google') },
        )
      : undefined;
  const github = config.github
    ? (await import('../github/githubFromConfig.js')).githubFromConfig(config.github, log, {
        ...timing,
        ...via('github'),
      })
    : undefined;
  // Without Google credentials the minutes in groups.yml are ignored, and start-up says so.
  const noMinutes = minutes ? undefined : withoutMinutes(opts.groups);
  if (noMinutes && noMinutes.affected.length > 0) {
    log.warn(
      { groups: noMinutes.affected },
      'minutes are configured but Google is not (GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS_JSON or GOOGLE_OAUTH_*): minutes are off',
    );
  }
  const prepareGroups = async (configured: readonly Group[]) =>
    resolveChannels(minutes ? configured : withoutMinutes(configured).groups, client);
  const prepareDigest = async (configured: DigestSettings | undefined) => {
    if (!configured) return undefined;
    const resolved = await resolveDigestChannel(configured, client);
    if ('digest' in resolved) return resolved.digest;
    log.error({ path: 'digest.channel', channel: configured.channel }, resolved.problem);
    return undefined;
  };
  const { db, dialect } = store;
  const groups = createSwappableGroupDirectory(await prepareGroups(opts.groups));
  const digest = createDigestSource(await prepareDigest(opts.digest));
  const workspace = webApiWorkspace(client, log.child({ component: 'slack' }));
  const services: Services = {
    clock,
    groups,
    digest,
    log,
    telemetry: opts.telemetry,
    queue: jobQueueStore(db, dialect),
    occurrences: occurrenceStore(db),
    agenda: agendaStore(db, dialect),
    agendaCounts: agendaCountStore(db),
    actionItems: actionItemStore(db),
    events: slackEventStore(db),
    reminderDeliveries: reminderDeliveryStore(db),
    records: meetingRecordStore(db),
    effects: effectLedgerStore(db),
    workspace,
    audience: createAudienceZones(workspace, clock),
    ...(minutes ? { minutes } : {}),
    ...(calendar ? { calendar } : {}),
    ...(github
      ? {
          github: github.issues,
          archive: github.archive,
          labelledIssues: github.labelled,
          search: github.search,
        }
      : {}),
    replan: (groupId) => opts.replan(services, groupId),
  };
  return { services, groups, slackClientOptions, prepareGroups, digest, prepareDigest };
}
