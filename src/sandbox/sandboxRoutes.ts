import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Group } from '../core/group.js';
import type { Occurrence } from '../core/model/occurrence.js';
import type { RunningGavel } from '../gavel.js';
import { SANDBOX_PAGE } from './sandboxPage.js';
import { type SandboxSession, type SandboxSessionDeps, SandboxError } from './sandboxSession.js';
import { currentMeetings, sandboxState } from './sandboxState.js';

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
  const jumpTo = body['jumpTo'];
  let target: Date;
  if (jumpTo === 'next-meeting-minus-10m' || jumpTo === 'next-meeting-start') {
    const first = (await nextStarts(gavel, body['channel'], now))[0];
    if (!first) throw new SandboxError(400, 'no upcoming meeting');
    target = new Date(Date.parse(first.startsAt) - (jumpTo === 'next-meeting-start' ? 0 : TEN_MINUTES_MS));
  } else if (jumpTo === 'wrap-up') {
    target = await nextWrapUp(gavel, body['channel'], now);
  } else if (typeof jumpTo === 'string' && !Number.isNaN(Date.parse(jumpTo))) {
    target = new Date(jumpTo);
  } else if (typeof body['advanceMinutes'] === 'number' && body['advanceMinutes'] > 0) {
    target = new Date(now.getTime() + body['advanceMinutes'] * 60_000);
  } else {
    throw new SandboxError(
      400,
      "expected { jumpTo: 'next-meeting-minus-10m' | 'next-meeting-start' | 'wrap-up' | ISO time } or { advanceMinutes }",
    );
  }
  if (target.getTime() <= now.getTime()) throw new SandboxError(400, 'the clock only moves forward');
  deps.clock.jumpTo(target);
  await gavel.replanAll();
  const ran = await gavel.tick();
  return { clock: deps.clock.now().toISOString(), jobsRun: ran };
}

/** The groups a jump is about: the channel's, or all of them when no channel is given. */
function groupsOf(gavel: RunningGavel, channel: unknown): readonly Group[] {
  return gavel.services.groups
    .all()
    .filter((g) => channel === undefined || channel === null || g.channelId === channel);
}

/** The next meeting of each group (of the channel), earliest first. */
async function nextStarts(gavel: RunningGavel, channel: unknown, now: Date): Promise<Occurrence[]> {
  const next = await Promise.all(
    groupsOf(gavel, channel).map((g) => gavel.services.occurrences.next(g.id, now)),
  );
  return next
    .filter((o): o is Occurrence => o !== undefined)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * When the wrap-up of the meeting on now (started, its wrap-up not yet posted) is due; with
 * none on, that of the next meeting.
 */
async function nextWrapUp(gavel: RunningGavel, channel: unknown, now: Date): Promise<Date> {
  const dues: number[] = [];
  for (const g of groupsOf(gavel, channel)) {
    const wrapUpMs = g.wrapUpAfterMinutes * 60_000;
    const on = await currentMeetings(gavel.services.occurrences, g, now);
    const next = on.length > 0 ? on : [await gavel.services.occurrences.next(g.id, now)];
    for (const o of next) if (o) dues.push(Date.parse(o.endsAt) + wrapUpMs);
  }
  const first = dues.sort((a, b) => a - b)[0];
  if (first === undefined) throw new SandboxError(400, 'no meeting to wrap up');
  return new Date(first);
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
