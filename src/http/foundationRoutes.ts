import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { renderGroupListPage } from '../core/foundation/groupListPage.js';
import { renderGroupPage } from '../core/foundation/groupPage.js';
import { renderGroupsMarkdown } from '../core/foundation/groupsMarkdown.js';
import { renderNotFoundPage } from '../core/foundation/notFoundPage.js';
import { LOCALIZE_SCRIPT, PAGE_STYLE } from '../core/foundation/pageAssets.js';
import type { Log } from '../core/ports/log.js';
import {
  type FoundationGroupPageDeps,
  foundationGroupPage,
} from '../usecases/foundation/foundationGroupPage.js';
import { type FoundationGroupsDeps, foundationGroups } from '../usecases/foundation/foundationGroups.js';
import { requestOrigin } from './requestOrigin.js';

export type FoundationDeps = FoundationGroupsDeps & FoundationGroupPageDeps & { readonly log: Log };

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Nothing but the page's own inline style and script, no frames, no forms, no other origin. */
const CSP = [
  "default-src 'none'",
  `style-src ${hash(PAGE_STYLE)}`,
  `script-src ${hash(LOCALIZE_SCRIPT)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const GROUP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * The public pages: `GET /` (and `/groups`) lists the groups, `GET /groups/<id>` shows one,
 * `GET /groups.md` is the list as Markdown. Each only translates: use case in, page out.
 */
export function foundationRoutes(deps: FoundationDeps, publicUrl: string | undefined): CustomRoute[] {
  const list: CustomRoute['handler'] = (_req, res) => {
    serve(res, deps.log, 'group list', async () =>
      page(200, renderGroupListPage(await foundationGroups(deps))),
    );
  };
  return [
    { path: '/', method: ['GET'], handler: list },
    { path: '/groups', method: ['GET'], handler: list },
    {
      path: '/groups.md',
      method: ['GET'],
      handler: (req, res) => {
        serve(res, deps.log, 'groups.md', async () => ({
          status: 200,
          type: 'text/markdown; charset=utf-8',
          body: renderGroupsMarkdown(await foundationGroups(deps), requestOrigin(req, publicUrl).origin),
        }));
      },
    },
    {
      path: '/groups/:id',
      method: ['GET'],
      handler: (req, res) => {
        const id = String(req.params?.['id'] ?? '');
        serve(res, deps.log, 'group page', async () => {
          const view = GROUP_ID.test(id)
            ? await foundationGroupPage(deps, id, requestOrigin(req, publicUrl).origin)
            : undefined;
          return view ? page(200, renderGroupPage(view)) : page(404, renderNotFoundPage());
        });
      },
    },
  ];
}

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const page = (status: number, body: string): Reply => ({ status, type: 'text/html; charset=utf-8', body });

function serve(res: ServerResponse, log: Log, what: string, make: () => Promise<Reply>): void {
  make()
    .then((reply) => {
      res.writeHead(reply.status, {
        'content-type': reply.type,
        'cache-control': reply.status === 200 ? 'public, max-age=300' : 'no-store',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(reply.body);
    })
    .catch((error: unknown) => {
      log.error({ err: error }, `${what} failed`);
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('this page is unavailable right now');
    });
}
