import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './readBody.js';

/**
 * A local stand-in for Slack's Web API (`POST /api/<method>`, form-encoded or JSON, bot token
 * in `Authorization: Bearer`) and for response_url (`POST /response/<id>`), in Slack's wire
 * format: `{ ok: true, … }` or `{ ok: false, error }`, 429 with Retry-After when rate limited.
 * It keeps the channels' messages so tests assert on what people would see.
 */

export interface SlackChannel {
  readonly id: string;
  readonly name: string;
}

export interface SlackUser {
  readonly id: string;
  readonly name: string;
  readonly real_name: string;
  readonly tz: string;
  readonly tz_label: string;
  readonly tz_offset: number;
}

export type SlackArgs = Record<string, unknown>;

export interface RecordedSlackCall {
  readonly method: string;
  readonly args: SlackArgs;
  readonly status: number;
}

export interface SlackResponse {
  readonly id: string;
  readonly body: SlackArgs;
}

export interface SlackApiServerOptions {
  readonly token: string;
  readonly channels: readonly SlackChannel[];
  readonly users: readonly SlackUser[];
  /**
   * Slack's posting limit: per channel, `burst` messages at once, then one per `perSeconds`;
   * beyond that chat.postMessage answers 429 with Retry-After. Off unless set.
   */
  readonly channelRate?: { readonly burst: number; readonly perSeconds: number };
  /**
   * Slack's clock, which decides when a scheduled message is posted: the tests give it the
   * app's injected clock. Defaults to real time.
   */
  readonly now?: () => Date;
}

export interface SlackApiServer {
  readonly url: string;
  readonly calls: RecordedSlackCall[];
  /** What apps posted to response_urls, in order. */
  readonly responses: SlackResponse[];
  /** The arguments of every successful call to `method`, JSON-valued fields parsed. */
  callsTo(method: string): SlackArgs[];
  /**
   * Posted messages as they stand now (chat.update applied), each with its `ts`; scheduled
   * messages whose time has come (by `now`) are among them, in posting order.
   */
  messages(): SlackArgs[];
  /** Scheduled messages not yet posted. */
  scheduled(): ScheduledSlackMessage[];
  /** A response_url on this server; each call gives a fresh one unless `id` is reused. */
  responseUrl(id?: string): string;
  /** Resolves with all responses once at least `count` arrived; rejects after `timeoutMs`. */
  waitForResponses(count: number, timeoutMs: number): Promise<SlackArgs[]>;
  /** The next `times` calls to `method` answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit(method: string, times: number, retryAfterSeconds: number): void;
  /** The next `times` calls to `method` answer HTTP `status` (500, 503…). */
  fail(method: string, status: number, times: number): void;
  /** The next `times` calls to `method` never get an answer (the connection stays open). */
  hang(method: string, times: number): void;
  /**
   * The next call to `method` that succeeds takes effect, then `before` runs and only then is
   * the answer sent: a crash test kills the app there, after Slack acted but before it heard.
   * `undefined` disarms it.
   */
  beforeAnswer(method: string, before: (() => Promise<void>) | undefined): void;
  close(): Promise<void>;
}

const BOT_USER = 'U0GAVELBOT';
const TEAM = 'T0GAVEL';

export interface ScheduledSlackMessage {
  readonly id: string;
  readonly channel: string;
  /** Unix seconds. */
  readonly postAt: number;
  readonly args: SlackArgs;
}

/** Slack refuses to schedule further ahead than this. */
const MAX_SCHEDULE_AHEAD_S = 120 * 24 * 3600;

interface StoredMessage {
  readonly args: SlackArgs;
  readonly channel: string;
  readonly ts: string;
}

export async function startSlackApiServer(opts: SlackApiServerOptions): Promise<SlackApiServer> {
  const calls: RecordedSlackCall[] = [];
  const responses: SlackResponse[] = [];
  const stored: StoredMessage[] = [];
  let scheduled: ScheduledSlackMessage[] = [];
  const now = opts.now ?? (() => new Date());
  const faults = new Map<string, { status: number; times: number; retryAfter?: number; hang?: true }[]>();
  const channelSends = new Map<string, number[]>();
  const responseWaiters = new Set<() => void>();
  const answerHooks = new Map<string, () => Promise<void>>();
  let seq = 0;
  let responseSeq = 0;

  const nextTs = () => {
    seq += 1;
    return `${1_795_600_000 + seq}.${String(seq).padStart(6, '0')}`;
  };
  const channelIds = new Set(opts.channels.map((c) => c.id));
  const userById = new Map(opts.users.map((u) => [u.id, u]));
  const isConversation = (id: string) => channelIds.has(id) || userById.has(id) || id.startsWith('D');

  /** Posts the scheduled messages whose time has come, earliest first, as Slack would. */
  const postDue = () => {
    const at = now().getTime() / 1000;
    const due = scheduled.filter((m) => m.postAt <= at).sort((a, b) => a.postAt - b.postAt);
    if (due.length === 0) return;
    scheduled = scheduled.filter((m) => m.postAt > at);
    for (const m of due) {
      const ts = nextTs();
      stored.push({ args: { ...m.args, channel: m.channel, ts }, channel: m.channel, ts });
    }
  };

  const methods: Record<string, (args: SlackArgs) => SlackArgs> = {
    'auth.test': () => ({
      url: 'https://gavel.slack.com/',
      team: 'gavel',
      user: 'gavel',
      team_id: TEAM,
      user_id: BOT_USER,
      bot_id: 'B0GAVEL',
    }),
    'conversations.list': (args) => {
      const limit = Math.min(Number(args['limit'] ?? 100) || 100, 1000);
      const start = Number(args['cursor'] ?? 0) || 0;
      const page = opts.channels.slice(start, start + limit);
      const next = start + limit < opts.channels.length ? String(start + limit) : '';
      return {
        channels: page.map((c) => ({
          id: c.id,
          name: c.name,
          is_channel: true,
          is_archived: false,
          is_member: true,
        })),
        response_metadata: { next_cursor: next },
      };
    },
    'conversations.info': (args) => {
      const channel = opts.channels.find((c) => c.id === str(args, 'channel'));
      if (!channel) throw new SlackError('channel_not_found');
      return {
        channel: {
          id: channel.id,
          name: channel.name,
          is_channel: true,
          is_archived: false,
          is_member: true,
        },
      };
    },
    'users.info': (args) => {
      const user = userById.get(str(args, 'user'));
      if (!user) throw new SlackError('user_not_found');
      return {
        user: { ...user, team_id: TEAM, profile: { real_name: user.real_name, display_name: '' } },
      };
    },
    'chat.postMessage': (args) => {
      const channel = requireChannel(args);
      if (!args['text'] && !args['blocks']) throw new SlackError('no_text');
      const ts = nextTs();
      const message = { ...args, channel, ts };
      stored.push({ args: message, channel, ts });
      return { channel, ts, message: { type: 'message', user: BOT_USER, ...message } };
    },
    'chat.scheduleMessage': (args) => {
      const channel = requireChannel(args);
      if (!args['text'] && !args['blocks']) throw new SlackError('no_text');
      const postAt = Number(args['post_at']);
      const at = now().getTime() / 1000;
      if (!Number.isInteger(postAt)) throw new SlackError('invalid_time');
      if (postAt <= at) throw new SlackError('time_in_past');
      if (postAt > at + MAX_SCHEDULE_AHEAD_S) throw new SlackError('time_too_far');
      const id = `Q${nextTs().replace('.', '')}`;
      const message = Object.fromEntries(
        Object.entries(args).filter(([k]) => k !== 'post_at' && k !== 'token'),
      );
      scheduled.push({ id, channel, postAt, args: message });
      return {
        channel,
        scheduled_message_id: id,
        post_at: postAt,
        message: { ...message, bot_id: 'B0GAVEL' },
      };
    },
    'chat.scheduledMessages.list': (args) => {
      const channel = args['channel'] === undefined ? undefined : str(args, 'channel');
      const oldest = args['oldest'] === undefined ? -Infinity : Number(args['oldest']);
      const latest = args['latest'] === undefined ? Infinity : Number(args['latest']);
      const limit = Math.min(Number(args['limit'] ?? 100) || 100, 1000);
      const start = Number(args['cursor'] ?? 0) || 0;
      const matching = scheduled.filter(
        (m) => (channel === undefined || m.channel === channel) && m.postAt >= oldest && m.postAt <= latest,
      );
      const page = matching.slice(start, start + limit);
      return {
        scheduled_messages: page.map((m) => ({
          id: m.id,
          channel_id: m.channel,
          post_at: m.postAt,
          date_created: m.postAt - 60,
          text: typeof m.args['text'] === 'string' ? m.args['text'] : '',
        })),
        response_metadata: { next_cursor: start + limit < matching.length ? String(start + limit) : '' },
      };
    },
    'chat.deleteScheduledMessage': (args) => {
      const channel = requireChannel(args);
      const id = str(args, 'scheduled_message_id');
      const before = scheduled.length;
      scheduled = scheduled.filter((m) => !(m.id === id && m.channel === channel));
      if (scheduled.length === before) throw new SlackError('invalid_scheduled_message_id');
      return {};
    },
    'chat.postEphemeral': (args) => {
      requireChannel(args);
      if (!args['user']) throw new SlackError('user_not_in_channel');
      return { message_ts: nextTs() };
    },
    'chat.update': (args) => {
      const channel = requireChannel(args);
      const index = stored.findIndex((m) => m.channel === channel && m.ts === args['ts']);
      const found = stored[index];
      if (!found) throw new SlackError('message_not_found');
      const changes = Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'token'));
      stored[index] = { ...found, args: { ...found.args, ...changes, channel, ts: found.ts } };
      return { channel, ts: found.ts, text: changes['text'] };
    },
    'chat.getPermalink': (args) => {
      const channel = requireChannel(args);
      const ts = str(args, 'message_ts');
      if (!stored.some((m) => m.channel === channel && m.ts === ts))
        throw new SlackError('message_not_found');
      return { channel, permalink: `https://gavel.slack.com/archives/${channel}/p${ts.replace('.', '')}` };
    },
    'views.open': (args) => {
      if (!args['trigger_id']) throw new SlackError('invalid_arguments');
      return { view: { id: `V${nextTs().replace('.', '')}`, ...(args['view'] as SlackArgs) } };
    },
    'views.update': (args) => ({ view: { id: args['view_id'] ?? 'V0', ...(args['view'] as SlackArgs) } }),
    'views.publish': (args) => {
      const user = str(args, 'user_id');
      if (!userById.has(user)) throw new SlackError('user_not_found');
      return { view: { id: `V${nextTs().replace('.', '')}`, ...(args['view'] as SlackArgs) } };
    },
    'views.push': (args) => ({
      view: { id: `V${nextTs().replace('.', '')}`, ...(args['view'] as SlackArgs) },
    }),
  };

  function requireChannel(args: SlackArgs): string {
    const channel = str(args, 'channel');
    if (!isConversation(channel)) throw new SlackError('channel_not_found');
    return channel;
  }

  function takeFault(method: string) {
    const queue = faults.get(method);
    const fault = queue?.[0];
    if (!queue || !fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) queue.shift();
    return fault;
  }

  /** Seconds to wait when the channel is over its posting rate, else 0 (and the send counts). */
  function channelWait(args: SlackArgs): number {
    if (!opts.channelRate) return 0;
    const { burst, perSeconds } = opts.channelRate;
    const channel = str(args, 'channel');
    const now = Date.now();
    const sends = (channelSends.get(channel) ?? []).filter((t) => now - t < perSeconds * 1000 * burst);
    if (sends.length >= burst) {
      const oldest = sends[sends.length - burst] ?? now;
      return Math.max(1, Math.ceil((oldest + perSeconds * 1000 * burst - now) / 1000));
    }
    sends.push(now);
    channelSends.set(channel, sends);
    return 0;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const args = parseArgs(await readBody(req), req.headers['content-type']);
    postDue();
    const auth = req.headers.authorization ?? (args['token'] ? `Bearer ${str(args, 'token')}` : undefined);
    const send = (status: number, body: SlackArgs, headers: Record<string, string> = {}) => {
      calls.push({ method, args, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (auth !== `Bearer ${opts.token}`) return send(200, { ok: false, error: 'invalid_auth' });
    const fault = takeFault(method);
    if (fault?.hang) {
      calls.push({ method, args, status: 0 });
      return;
    }
    if (fault?.retryAfter !== undefined) {
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
    }
    if (fault) return send(fault.status, { ok: false, error: 'internal_error' });
    const handler = methods[method];
    if (!handler) return send(200, { ok: false, error: 'unknown_method' });
    if (method === 'chat.postMessage') {
      const wait = channelWait(args);
      if (wait > 0) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
    }
    let result: SlackArgs;
    try {
      result = handler(args);
    } catch (error) {
      if (error instanceof SlackError) return send(200, { ok: false, error: error.code });
      throw error;
    }
    const hook = answerHooks.get(method);
    if (hook) {
      answerHooks.delete(method);
      await hook();
    }
    if (res.destroyed) {
      calls.push({ method, args, status: 200 });
      return;
    }
    return send(200, { ok: true, ...result });
  }

  async function handleResponse(req: IncomingMessage, res: ServerResponse, id: string) {
    const raw = await readBody(req);
    let body: SlackArgs;
    try {
      body = JSON.parse(raw) as SlackArgs;
    } catch {
      res.writeHead(400).end('invalid_payload');
      return;
    }
    responses.push({ id, body });
    for (const wake of responseWaiters) wake();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    const response = /^\/response\/([\w.-]+)$/.exec(path);
    const work = api?.[1]
      ? handleApi(req, res, api[1])
      : response?.[1] && req.method === 'POST'
        ? handleResponse(req, res, response[1])
        : Promise.resolve(void res.writeHead(404).end());
    work.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method && c.status === 200).map((c) => c.args),
    messages: () => {
      postDue();
      return stored.map((m) => m.args);
    },
    scheduled: () => [...scheduled],
    responseUrl(id) {
      responseSeq += 1;
      return `${url}/response/${id ?? `r${responseSeq}`}`;
    },
    waitForResponses(count, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (responses.length < count) return;
          cleanup();
          resolve(responses.map((r) => r.body));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`expected ${count} response_url posts within ${timeoutMs} ms, got ${responses.length}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          responseWaiters.delete(check);
        };
        responseWaiters.add(check);
        check();
      });
    },
    rateLimit(method, times, retryAfterSeconds) {
      faults.set(method, [
        ...(faults.get(method) ?? []),
        { status: 429, times, retryAfter: retryAfterSeconds },
      ]);
    },
    fail(method, status, times) {
      faults.set(method, [...(faults.get(method) ?? []), { status, times }]);
    },
    beforeAnswer(method, before) {
      if (before) answerHooks.set(method, before);
      else answerHooks.delete(method);
    },
    hang(method, times) {
      faults.set(method, [...(faults.get(method) ?? []), { status: 0, times, hang: true }]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function str(args: SlackArgs, key: string): string {
  const value = args[key];
  return typeof value === 'string' ? value : '';
}

class SlackError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** WebClient form-encodes arguments and JSON-encodes the structured ones (blocks, view, …). */
function parseArgs(raw: string, contentType: string | undefined): SlackArgs {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as SlackArgs;
  const args: SlackArgs = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? parseJsonField(value) : value;
  }
  return args;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurl_links']);

function parseJsonField(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '[' && first !== '{') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
