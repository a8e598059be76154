import { createHash, timingSafeEqual } from 'node:crypto';
import type { CustomRoute } from '@slack/bolt';
import type { Log } from '../core/ports/log.js';

export interface MetricsRouteDeps {
  /** The exposition in Prometheus' text format, with its content type. */
  readonly scrape: () => Promise<{ readonly contentType: string; readonly body: string }>;
  readonly log: Log;
}

/**
 * `GET /metrics` for Prometheus (registered only with METRICS=on). With METRICS_TOKEN set, a
 * request must carry `Authorization: Bearer <token>`; anything else gets 401, and the token
 * is compared in constant time.
 */
export function metricsRoute(deps: MetricsRouteDeps, token: string | undefined): CustomRoute {
  const expected = token === undefined ? undefined : digest(token);
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (req, res) => {
      if (expected && !bearerMatches(req.headers.authorization, expected)) {
        res.writeHead(401, {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer realm="gavel metrics"',
        });
        res.end('a valid bearer token is required (METRICS_TOKEN)');
        return;
      }
      deps
        .scrape()
        .then(({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        })
        .catch((error: unknown) => {
          deps.log.error({ err: error }, 'collecting the metrics failed');
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('metrics unavailable');
        });
    },
  };
}

/** Both sides hashed first, so the comparison takes as long whatever the lengths. */
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}
