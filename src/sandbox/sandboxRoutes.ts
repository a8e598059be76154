import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Group } from '../core/group.js';
import { SANDBOX_PAGE } from './sandboxPage.js';
import { type SandboxSession, type SandboxSessionDeps, SandboxError } from './sandboxSession.js';
import { sandboxState } from './sandboxState.js';

const BODY_LIMIT_BYTES = 64 * 1024;
const TEN_MINUTES_MS = 10 * 60_000;

/**
 * `GET /sandbox` (the page) and its JSON API, served by gavel's own HTTP server next to
 * `/slack/events`, so the sandbox is one process on one port.
 */
export function sandboxRoutes(
  deps: SandboxSessionDeps,
  session: SandboxSession,
  groups: readonly Group[],
): CustomRoute[] {
  const json = (
    path: string,
    method: 'GET' | 'POST',
    run: (body: Record<string, unknown>) => Promise<unknown>,
  ) => ({
    path,
    method: [method],
    handler: (req: IncomingMessage, res: ServerResponse) => {
      void answer(req, res, run);
    },
  });
  return [
    // The banner names /sandbox, but people type the bare address; browsers ask for an icon
    // on every page view, which would otherwise be a logged 404 each time.
    {
      path: '/',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(302, { location: '/sandbox' });
        res.end();
      },
    },
    {
      path: '/favicon.ico',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(204, { 'cache-control': 'max-age=86400' });
        res.end();
      },
    },
    {
      path: '/sandbox',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(SANDBOX_PAGE);
      },
    },
    json('/sandbox/api/state', 'GET', () => sandboxState(deps, session, groups)),
    json('/sandbox/api/command', 'POST', (b) => session.command(b)),
    json('/sandbox/api/action', 'POST', (b) => session.action(b)),
    json('/sandbox/api/submit', 'POST', (b) => session.submit(b)),
    json('/sandbox/api/close', 'POST', async (b) => {
      await session.close(b);
      return {};
    }),
    json('/sandbox/api/clock', 'POST', (b) => jump(deps, b)),
  ];
}

/** Moves the clock forward, then runs whatever became due, as the heartbeat would. */
async function jump(deps: SandboxSessionDeps, body: Record<string, unknown>): Promise<unknown> {
  const gavel = deps.gavel();
  if (!gavel) throw new SandboxError(503, 'gavel is still starting');
  const now = deps.clock.now();
  let target: Date;
  if (body['jumpTo'] === 'next-meeting-minus-10m') {
    const groups = gavel.services.groups.all();
    const wanted = groups.filter((g) => body['channel'] === undefined || g.channelId === body['channel']);
    const starts = await Promise.all(
      wanted.map(async (g) => (await gavel.services.occurrences.next(g.id, now))?.startsAt),
    );
    const first = starts.filter((s): s is string => s !== undefined).sort()[0];
    if (!first) throw new SandboxError(400, 'no upcoming meeting');
    target = new Date(Date.parse(first) - TEN_MINUTES_MS);
  } else if (typeof body['jumpTo'] === 'string' && !Number.isNaN(Date.parse(body['jumpTo']))) {
    target = new Date(body['jumpTo']);
  } else if (typeof body['advanceMinutes'] === 'number' && body['advanceMinutes'] > 0) {
    target = new Date(now.getTime() + body['advanceMinutes'] * 60_000);
  } else {
    throw new SandboxError(
      400,
      "expected { jumpTo: 'next-meeting-minus-10m' | ISO time } or { advanceMinutes }",
    );
  }
  if (target.getTime() <= now.getTime()) throw new SandboxError(400, 'the clock only moves forward');
  deps.clock.jumpTo(target);
  await gavel.replanAll();
  const ran = await gavel.tick();
  return { clock: deps.clock.now().toISOString(), jobsRun: ran };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  run: (body: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(value ?? {}));
  };
  try {
    const raw = req.method === 'POST' ? await readBody(req) : '';
    const body = raw === '' ? {} : (JSON.parse(raw) as unknown);
    if (typeof body !== 'object' || body === null) throw new SandboxError(400, 'expected a JSON object');
    send(200, await run(body as Record<string, unknown>));
  } catch (error) {
    if (error instanceof SandboxError) send(error.status, { error: error.message });
    else if (error instanceof SyntaxError) send(400, { error: 'expected JSON' });
    else send(500, { error: error instanceof Error ? error.message : String(error) });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT_BYTES) {
        reject(new SandboxError(413, 'too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
