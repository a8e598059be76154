import type { CustomRoute } from '@slack/bolt';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import type { AppConfig } from '../config/env.js';
import type { Clock } from '../core/clock.js';
import type { Log } from '../core/ports/log.js';
import { noTelemetry, type RemoteService, type Telemetry } from '../core/ports/telemetry.js';
import { metricsRoute } from '../http/metricsRoute.js';
import { type ReadinessChecks, readinessRoute } from '../http/readinessRoute.js';
import { observedFetch } from '../metrics/observedFetch.js';
import { boltLogger } from '../slack/boltLogger.js';
import type { KnownLabels } from '../metrics/prometheusMetrics.js';

export interface Observability {
  /** What the worker, the use cases and the store report to; a no-op unless METRICS=on. */
  readonly telemetry: Telemetry;
  /** The transport a remote service's client gets: counting its calls, or undefined (the default fetch). */
  transport(service: RemoteService): typeof fetch | undefined;
  /** `/readyz` always; `/metrics` with METRICS=on. */
  routes(checks: ReadinessChecks): CustomRoute[];
  /** The job kinds and commands that exist, once wired; the rest is labelled "other". */
  know(labels: KnownLabels): void;
}

/**
 * Metrics (METRICS=on) on a registry of this gavel's own, and the readiness route. prom-client
 * is loaded only with METRICS=on: memory a deployment without metrics never uses.
 */
export async function observability(config: AppConfig, log: Log): Promise<Observability> {
  const metrics = config.metrics
    ? (await import('../metrics/prometheusMetrics.js')).prometheusMetrics(log.child({ component: 'metrics' }))
    : undefined;
  const telemetry = metrics?.telemetry ?? noTelemetry;
  return {
    telemetry,
    transport: (service) => (metrics ? observedFetch(service, telemetry) : undefined),
    routes: (checks) => [
      readinessRoute(checks),
      ...(metrics && config.metrics
        ? [metricsRoute({ scrape: () => metrics.scrape(), log }, config.metrics.token)]
        : []),
    ],
    know: (labels) => metrics?.know(labels),
  };
}

/** What Slack answers for a token it will not take: retrying does not help, a new token does. */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);
/** After Slack could not be reached, /readyz asks again at most this often (by the injected clock). */
const RECHECK_MS = 30_000;

/**
 * Whether Slack took the bot token: auth.test once at start (not awaited: start-up does not
 * wait on Slack), and again on a readiness probe if Slack could not be reached then. A token
 * Slack refused stays refused until a restart with another one.
 */
export function slackTokenCheck(opts: {
  readonly botToken: string;
  readonly clientOptions: WebClientOptions;
  readonly clock: Clock;
  readonly log: Log;
}): { accepted(): Promise<boolean> } {
  // One attempt per check: a probe should not wait out the client's retries.
  const client = new WebClient(opts.botToken, {
    ...opts.clientOptions,
    retryConfig: { retries: 0 },
    logger: boltLogger(opts.log),
  });
  let state: 'accepted' | 'refused' | 'unreachable' = 'unreachable';
  let checkedAt = 0;
  let inFlight: Promise<void> | undefined;
  const check = () => {
    checkedAt = opts.clock.now().getTime();
    inFlight ??= client.auth
      .test()
      .then(
        () => {
          if (state !== 'accepted') opts.log.info('Slack accepted the bot token');
          state = 'accepted';
        },
        (error: unknown) => {
          const reason = slackReason(error);
          state = REFUSED.has(reason) ? 'refused' : 'unreachable';
          if (state === 'refused') {
            opts.log.error({ reason }, 'Slack refused the bot token (auth.test): /readyz answers 503');
          } else {
            opts.log.warn(
              { reason },
              'Slack could not be asked about the bot token (auth.test); will ask again',
            );
          }
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  void check();
  return {
    async accepted() {
      if (inFlight) await inFlight;
      else if (state === 'unreachable' && opts.clock.now().getTime() - checkedAt >= RECHECK_MS) await check();
      return state === 'accepted';
    },
  };
}

function slackReason(error: unknown): string {
  const e = error as { code?: unknown; data?: { error?: unknown } };
  if (e.code === ErrorCode.PlatformError && typeof e.data?.error === 'string') return e.data.error;
  return error instanceof Error ? error.message : String(error);
}
