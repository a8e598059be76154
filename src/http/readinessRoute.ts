import type { CustomRoute } from '@slack/bolt';

/** What a replica needs before it takes traffic; each check says yes or no, never throws. */
export interface ReadinessChecks {
  /** The database answers a round trip. */
  readonly database: () => Promise<boolean>;
  /** The groups file's groups are loaded (channels resolved). */
  readonly groups: () => boolean;
  /** Slack accepted the bot token (auth.test). */
  readonly slack: () => Promise<boolean>;
}

const FAILED: Record<keyof ReadinessChecks, string> = {
  database: 'the database does not answer',
  groups: 'no groups are loaded',
  slack: 'Slack has not accepted the bot token (auth.test)',
};

/**
 * `GET /readyz`: 200 when this replica can do its work (the database answers, the groups
 * are loaded, Slack accepted the token), else 503 with the checks that failed. Readiness, not
 * liveness: /healthz says whether the process should be restarted, this whether it should be
 * sent traffic.
 */
export function readinessRoute(checks: ReadinessChecks): CustomRoute {
  return {
    path: '/readyz',
    method: ['GET'],
    handler: (_req, res) => {
      void Promise.all([
        checks.database().catch(() => false),
        Promise.resolve()
          .then(() => checks.groups())
          .catch(() => false),
        checks.slack().catch(() => false),
      ]).then(([database, groups, slack]) => {
        const results = { database, groups, slack };
        const failed = (Object.keys(results) as (keyof ReadinessChecks)[]).filter((k) => !results[k]);
        const ready = failed.length === 0;
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(
          JSON.stringify({
            status: ready ? 'ready' : 'not ready',
            checks: Object.fromEntries(Object.entries(results).map(([k, ok]) => [k, ok ? 'ok' : 'failed'])),
            ...(ready ? {} : { failed: failed.map((k) => `${k}: ${FAILED[k]}`) }),
          }),
        );
      });
    },
  };
}
