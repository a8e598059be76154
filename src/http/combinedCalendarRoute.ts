import type { CustomRoute } from '@slack/bolt';
import type { Log } from '../core/ports/log.js';
import { combinedCalendarFeed } from '../usecases/calendar/combinedCalendarFeed.js';
import { queryOf, requestOrigin } from './requestOrigin.js';

type Deps = Parameters<typeof combinedCalendarFeed>[0] & { readonly log: Log };

const GROUP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_PARAM_CHARS = 2000;
const MAX_GROUPS = 100;

/**
 * `GET /calendar.ics`: every group's meetings in one feed; `?groups=a,b` for some of them.
 * Unknown ids are a 404 naming them; a parameter too long or not made of group ids, a 400.
 */
export function combinedCalendarRoute(deps: Deps, publicUrl: string | undefined): CustomRoute {
  return {
    path: '/calendar.ics',
    method: ['GET'],
    handler: (req, res) => {
      const fail = (status: number, message: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(message);
      };
      const param = queryOf(req).get('groups');
      let ids: string[] | undefined;
      if (param !== null) {
        if (param.length > MAX_PARAM_CHARS) return fail(400, 'groups: too long');
        ids = param.split(',').map((s) => s.trim());
        if (ids.length > MAX_GROUPS) return fail(400, `groups: at most ${MAX_GROUPS} groups`);
        if (!ids.every((id) => GROUP_ID.test(id))) {
          return fail(400, 'groups: expected group ids separated by commas, like groups=serverless,cnab');
        }
      }
      combinedCalendarFeed(deps, ids, requestOrigin(req, publicUrl).hostname)
        .then((result) => {
          if (!result.ok) return fail(404, `no such group: ${result.unknown.join(', ')}`);
          res.writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': 'inline; filename="calendar.ics"',
            'cache-control': 'public, max-age=900',
          });
          res.end(result.body);
        })
        .catch((error: unknown) => {
          deps.log.error({ err: error }, 'combined calendar feed failed');
          fail(500, 'calendar unavailable');
        });
    },
  };
}
