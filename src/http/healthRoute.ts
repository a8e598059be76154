import type { CustomRoute } from '@slack/bolt';

/** 200 when the database answers, 503 otherwise: what a load balancer and Docker need. */
export function healthRoute(ping: () => Promise<boolean>): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void ping()
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'database unavailable' }));
        });
    },
  };
}
