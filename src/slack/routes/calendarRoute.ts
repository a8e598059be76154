import type { CustomRoute } from '@slack/bolt';
import { renderIcsFeed } from '../../core/calendar/icsFeed.js';
import type { Services } from '../../services.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * `GET /calendar/<group>.ics`: the group's meetings for calendar apps to subscribe to. The
 * recurrence comes from groups.yml; cancellations and one-offs made in Slack come from the
 * database, so a subscribed calendar follows `/meeting cancel` within its refresh interval.
 */
export function calendarRoute(
  services: () => Services | undefined,
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
      const s = services();
      if (!s) return fail(503, 'starting');
      const match = /^([a-z0-9][a-z0-9-]{0,39})\.ics$/.exec(String(req.params?.['file'] ?? ''));
      const group = match ? s.groups.byId(match[1]!) : undefined;
      if (!group) return fail(404, 'no such group calendar');
      const now = s.clock.now();
      // A year back and ahead covers what calendar apps show; older one-offs are history.
      s.occurrences
        .between(group.id, new Date(now.getTime() - 365 * DAY_MS), new Date(now.getTime() + 365 * DAY_MS))
        .then((stored) => {
          const body = renderIcsFeed({
            group,
            added: stored
              .filter((o) => o.source === 'added' && o.status === 'scheduled')
              .map((o) => ({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt), title: o.title })),
            cancelledStarts: stored
              .filter((o) => o.status === 'cancelled' && o.source !== 'added')
              .map((o) => new Date(o.startsAt)),
            now,
            host: publicHost ?? req.headers.host?.replace(/:\d+$/, '') ?? 'gavel',
          });
          res.writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': `inline; filename="${group.id}.ics"`,
            'cache-control': 'public, max-age=900',
          });
          res.end(body);
        })
        .catch((error: unknown) => {
          s.log.error({ err: error, group: group.id }, 'calendar feed failed');
          fail(500, 'calendar unavailable');
        });
    },
  };
}
