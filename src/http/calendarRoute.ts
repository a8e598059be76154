import type { CustomRoute } from '@slack/bolt';
import type { Log } from '../core/ports/log.js';
import { type CalendarFeedDeps, groupCalendarFeed } from '../usecases/calendar/groupCalendarFeed.js';

/** `GET /calendar/<group>.ics`: the group's meetings for calendar apps to subscribe to. */
export function calendarRoute(
  deps: CalendarFeedDeps & { readonly log: Log },
  publicHost: string | undefined,
): CustomRoute {
  return {
    path: '/calendar/:file',
    method: ['GET'],
    handler: (req, res) => {
      const fail = (status: number, message: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(message);
      };
      const match = /^([a-z0-9][a-z0-9-]{0,39})\.ics$/.exec(String(req.params?.['file'] ?? ''));
      if (!match) return fail(404, 'no such group calendar');
      const groupId = match[1]!;
      const host = publicHost ?? req.headers.host?.replace(/:\d+$/, '') ?? 'gavel';
      groupCalendarFeed(deps, groupId, host)
        .then((body) => {
          if (body === undefined) return fail(404, 'no such group calendar');
          res.writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': `inline; filename="${groupId}.ics"`,
            'cache-control': 'public, max-age=900',
          });
          res.end(body);
        })
        .catch((error: unknown) => {
          deps.log.error({ err: error, group: groupId }, 'calendar feed failed');
          fail(500, 'calendar unavailable');
        });
    },
  };
}
