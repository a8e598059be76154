import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './readBody.js';

/**
 * A local stand-in for Slack's Web API (`POST /api/<method>`, form-encoded or JSON, bot token
 * in `Authorization: Bearer`) and for response_url (`POST /response/<id>`), in Slack's wire
 * format: `{ ok: true, … }` or `{ ok: false, error }`, 429 with Retry-After when rate limited.
 * It keeps the channels' messages so tests assert on what people would see, and reads them
 * back as Slack does (conversations.history and .replies, message metadata included), so an
 * app can look for what it already posted.
 */

export interface SlackChannel {
  readonly id: string;
  readonly name: string;
  /** Who is in it, as conversations.members answers (none unless set). */
  readonly members?: readonly string[];
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
   * Slack's workspace-wide limit on posting, which chat.postMessage and chat.scheduleMessage
   * share: at most `callsPerMinute` of them in any 60 s by `now`; beyond that both answer 429
   * with Retry-After (until the oldest call leaves the window). Off unless set.
   */
  readonly workspaceRate?: { readonly callsPerMinute: number };
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
   * The next call to `method` that succeeds (and whose arguments satisfy `when`, if given)
   * takes effect, then `before` runs and only then is the answer sent: a crash test kills the
   * app there, after Slack acted but before it heard. Calls `when` turns down pass untouched
   * and leave the trap armed. `undefined` disarms it.
   */
  beforeAnswer(
    method: string,
    before: (() => Promise<void>) | undefined,
    when?: (args: SlackArgs) => boolean,
  ): void;
  close(): Promise<void>;
}

const BOT_USER = 'U0GAVELBOT';
const BOT_ID = 'B0GAVEL';
const APP_ID = 'A0GAVEL';
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
/** conversations.history and .replies: Slack's default page and its documented maximum. */
const DEFAULT_PAGE = 100;
const MAX_PAGE = 999;

interface StoredMessage {
  readonly args: SlackArgs;
  /** As the app named it: a user id for a DM posted by user id (tests look DMs up that way). */
  readonly channel: string;
  readonly ts: string;
}

interface AnswerHook {
  readonly before: () => Promise<void>;
  readonly when: ((args: SlackArgs) => boolean) | undefined;
}

export async function startSlackApiServer(opts: SlackApiServerOptions): Promise<SlackApiServer> {
  const calls: RecordedSlackCall[] = [];
  const responses: SlackResponse[] = [];
  const stored: StoredMessage[] = [];
  let scheduled: ScheduledSlackMessage[] = [];
  const now = opts.now ?? (() => new Date());
  const faults = new Map<string, { status: number; times: number; retryAfter?: number; hang?: true }[]>();
  const channelSends = new Map<string, number[]>();
  /** When each chat.postMessage or chat.scheduleMessage within the workspace's window was let through. */
  let workspaceSends: number[] = [];
  const responseWaiters = new Set<() => void>();
  const answerHooks = new Map<string, AnswerHook>();
  let lastMicros = 0;
  let responseSeq = 0;

  /**
   * Slack's ts is the posting time in microseconds, unique in a channel: taken from `now` so
   * that reading history `since` an instant works under the tests' clock, and bumped by one
   * when two calls share a microsecond.
   */
  const nextTs = (atMs = now().getTime()) => {
    lastMicros = Math.max(Math.floor(atMs) * 1000, lastMicros + 1);
    return formatTs(lastMicros);
  };
  const channelIds = new Set(opts.channels.map((c) => c.id));
  const userById = new Map(opts.users.map((u) => [u.id, u]));
  const dmIds = new Set(opts.users.map((u) => dmOf(u.id)));
  const isConversation = (id: string) => channelIds.has(id) || userById.has(id) || id.startsWith('D');
  /** The conversation a message lands in: posting to a user id posts in the bot's DM with them. */
  const conversationOf = (channel: string) => (userById.has(channel) ? dmOf(channel) : channel);
  const inConversation = (m: StoredMessage, conversation: string) =>
    conversationOf(m.channel) === conversation;

  /** Posts the scheduled messages whose time has come, earliest first, as Slack would. */
  const postDue = () => {
    const at = now().getTime() / 1000;
    const due = scheduled.filter((m) => m.postAt <= at).sort((a, b) => a.postAt - b.postAt);
    if (due.length === 0) return;
    scheduled = scheduled.filter((m) => m.postAt > at);
    for (const m of due) {
      // Slack accepts a scheduled message with metadata, lists it, and then never posts it.
      if (m.args['metadata'] !== undefined) continue;
      const ts = nextTs(m.postAt * 1000);
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
      bot_id: BOT_ID,
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
    'conversations.members': (args) => {
      const channel = opts.channels.find((c) => c.id === str(args, 'channel'));
      if (!channel) throw new SlackError('channel_not_found');
      const limit = Math.min(Number(args['limit'] ?? 100) || 100, 1000);
      const start = Number(args['cursor'] ?? 0) || 0;
      const members = channel.members ?? [];
      const next = start + limit < members.length ? String(start + limit) : '';
      return { members: members.slice(start, start + limit), response_metadata: { next_cursor: next } };
    },
    'conversations.open': (args) => {
      const users = str(args, 'users').split(',').filter(Boolean);
      if (users.length === 0 && !args['channel']) throw new SlackError('users_list_not_supplied');
      if (users.length === 0) return { channel: { id: requireReadable(str(args, 'channel')) } };
      if (users.length > 1) throw new Error('the Slack stand-in opens one-to-one DMs only');
      if (!userById.has(users[0]!)) throw new SlackError('user_not_found');
      return { no_op: true, already_open: true, channel: { id: dmOf(users[0]!) } };
    },
    'conversations.history': (args) => {
      const channel = requireReadable(str(args, 'channel'));
      const window = timeWindow(args);
      const newestFirst = stored
        .filter((m) => inConversation(m, channel) && isTopLevel(m.args) && window(m.ts))
        .sort((a, b) => compareTs(b.ts, a.ts));
      return pageOf(newestFirst, args, 'older', (m) => historyMessage(m, flag(args, 'include_all_metadata')));
    },
    'conversations.replies': (args) => {
      const channel = requireReadable(str(args, 'channel'));
      const asked = stored.find((m) => inConversation(m, channel) && m.ts === str(args, 'ts'));
      if (!asked) throw new SlackError('thread_not_found');
      // Asked for a reply, Slack answers with the whole thread it belongs to.
      const parentTs = str(asked.args, 'thread_ts') || asked.ts;
      const window = timeWindow(args);
      const thread = stored
        .filter((m) => inConversation(m, channel) && (m.ts === parentTs || m.args['thread_ts'] === parentTs))
        .filter((m) => m.ts === parentTs || window(m.ts))
        .sort((a, b) => compareTs(a.ts, b.ts));
      return pageOf(thread, args, 'newer', (m) => historyMessage(m, flag(args, 'include_all_metadata')));
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
      const message = { ...withoutToken(args), ...metadataArg(args), channel, ts };
      stored.push({ args: message, channel, ts });
      return {
        channel: conversationOf(channel),
        ts,
        message: { type: 'message', user: BOT_USER, bot_id: BOT_ID, app_id: APP_ID, ...message },
      };
    },
    'chat.scheduleMessage': (args) => {
      const channel = requireChannel(args);
      if (!args['text'] && !args['blocks']) throw new SlackError('no_text');
      metadataArg(args);
      const postAt = Number(args['post_at']);
      const at = now().getTime() / 1000;
      if (!Number.isInteger(postAt)) throw new SlackError('invalid_time');
      if (postAt <= at) throw new SlackError('time_in_past');
      if (postAt > at + MAX_SCHEDULE_AHEAD_S) throw new SlackError('time_too_far');
      const id = `Q${nextTs().replace('.', '')}`;
      const message = { ...withoutToken(args), ...metadataArg(args) };
      delete message['post_at'];
      scheduled.push({ id, channel, postAt, args: message });
      return {
        channel,
        scheduled_message_id: id,
        post_at: postAt,
        message: { ...message, bot_id: BOT_ID },
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
      const index = stored.findIndex(
        (m) => inConversation(m, conversationOf(channel)) && m.ts === args['ts'],
      );
      const found = stored[index];
      if (!found) throw new SlackError('message_not_found');
      const changes = { ...withoutToken(args), ...metadataArg(args) };
      stored[index] = { ...found, args: { ...found.args, ...changes, channel: found.channel, ts: found.ts } };
      return { channel: conversationOf(channel), ts: found.ts, text: changes['text'] };
    },
    'chat.getPermalink': (args) => {
      const channel = requireChannel(args);
      const ts = str(args, 'message_ts');
      if (!stored.some((m) => inConversation(m, conversationOf(channel)) && m.ts === ts))
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

  /** What history can be read from: a channel or a DM by its D id; a user id is not a conversation. */
  function requireReadable(channel: string): string {
    const known =
      channelIds.has(channel) || dmIds.has(channel) || stored.some((m) => inConversation(m, channel));
    if (!known) throw new SlackError('channel_not_found');
    return channel;
  }

  /** A message as conversations.history and .replies show it, threads summed up on the parent. */
  function historyMessage(m: StoredMessage, withMetadata: boolean): SlackArgs {
    const replies = stored.filter(
      (r) => inConversation(r, conversationOf(m.channel)) && r.args['thread_ts'] === m.ts && r.ts !== m.ts,
    );
    const last = replies.at(-1);
    return {
      type: 'message',
      user: BOT_USER,
      bot_id: BOT_ID,
      app_id: APP_ID,
      team: TEAM,
      text: str(m.args, 'text'),
      ts: m.ts,
      ...pick(m.args, ['blocks', 'attachments', 'thread_ts']),
      ...(last
        ? { thread_ts: m.ts, reply_count: replies.length, reply_users_count: 1, latest_reply: last.ts }
        : {}),
      ...(withMetadata ? pick(m.args, ['metadata']) : {}),
    };
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

  /** Seconds to wait when the workspace is over its posting budget, else 0 (and the send counts). */
  function workspaceWait(): number {
    if (!opts.workspaceRate) return 0;
    const at = now().getTime();
    workspaceSends = workspaceSends.filter((t) => at - t < 60_000);
    if (workspaceSends.length >= opts.workspaceRate.callsPerMinute) {
      const oldest = workspaceSends[0] ?? at;
      return Math.max(1, Math.ceil((oldest + 60_000 - at) / 1000));
    }
    workspaceSends.push(at);
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
    if (method === 'chat.postMessage' || method === 'chat.scheduleMessage') {
      const wait = workspaceWait() || (method === 'chat.postMessage' ? channelWait(args) : 0);
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
    if (hook && (hook.when?.(args) ?? true)) {
      answerHooks.delete(method);
      await hook.before();
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
    beforeAnswer(method, before, when) {
      if (before) answerHooks.set(method, { before, when });
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

/** WebClient sends booleans as `true`/`false` in forms; JSON bodies carry real ones. */
function flag(args: SlackArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

function pick(args: SlackArgs, keys: readonly string[]): SlackArgs {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

function withoutToken(args: SlackArgs): SlackArgs {
  return Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'token'));
}

/** The bot's DM with a user, with an id a test can predict. */
export function dmOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/**
 * The message's metadata key (`event_payload.key` of a `gavel_post` event), whichever way the
 * call sent it: a JSON object (forms and JSON bodies) or a JSON string. For traps such as
 * `beforeAnswer('chat.postMessage', crash, (a) => metadataKeyOf(a)?.startsWith('wrap-up:') ?? false)`.
 */
export function metadataKeyOf(args: SlackArgs): string | undefined {
  let metadata: unknown = args['metadata'];
  if (typeof metadata === 'string') {
    try {
      metadata = JSON.parse(metadata) as unknown;
    } catch {
      return undefined;
    }
  }
  const key = (metadata as { event_payload?: { key?: unknown } } | null | undefined)?.event_payload?.key;
  return typeof key === 'string' ? key : undefined;
}

const EVENT_TYPE = /^[a-zA-Z0-9_]{1,255}$/;

/**
 * The call's `metadata` as Slack stores it (`{ metadata: { event_type, event_payload } }`),
 * `{}` without one; Slack refuses anything else with `invalid_metadata_format`.
 */
function metadataArg(args: SlackArgs): SlackArgs {
  const raw = args['metadata'];
  if (raw === undefined) return {};
  const metadata = typeof raw === 'string' ? parseJsonObject(raw) : raw;
  if (!isPlainObject(metadata)) throw new SlackError('invalid_metadata_format');
  const { event_type: type, event_payload: payload } = metadata;
  if (typeof type !== 'string' || !EVENT_TYPE.test(type) || !isPlainObject(payload)) {
    throw new SlackError('invalid_metadata_format');
  }
  return { metadata: { event_type: type, event_payload: payload } };
}

function parseJsonObject(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Microseconds since the epoch; a ts is compared as a whole, never as a float (16 digits). */
function tsMicros(ts: string): number | undefined {
  const m = /^(\d{1,12})(?:\.(\d{0,6}))?$/.exec(ts);
  if (!m) return undefined;
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
}

function formatTs(micros: number): string {
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function compareTs(a: string, b: string): number {
  return (tsMicros(a) ?? 0) - (tsMicros(b) ?? 0);
}

/** `oldest` and `latest`, exclusive unless `inclusive`, as conversations.history reads them. */
function timeWindow(args: SlackArgs): (ts: string) => boolean {
  const bound = (key: 'oldest' | 'latest', fallback: number) => {
    const value = args[key];
    if (value === undefined || value === '') return fallback;
    const micros =
      typeof value === 'string' || typeof value === 'number' ? tsMicros(String(value)) : undefined;
    if (micros === undefined) throw new SlackError(`invalid_ts_${key}`);
    return micros;
  };
  const oldest = bound('oldest', -Infinity);
  const latest = bound('latest', Infinity);
  const inclusive = flag(args, 'inclusive');
  return (ts) => {
    const t = tsMicros(ts) ?? 0;
    return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
  };
}

/** Shown in history: a channel's own messages and thread parents, not replies (unless broadcast). */
function isTopLevel(args: SlackArgs): boolean {
  const threadTs = args['thread_ts'];
  return !threadTs || threadTs === args['ts'] || flag(args, 'reply_broadcast');
}

/**
 * One page of `messages` (already in the order Slack answers), with Slack's cursor: like
 * Slack's own, it names the ts the next page starts at, so posts between pages shift nothing.
 */
function pageOf(
  messages: readonly StoredMessage[],
  args: SlackArgs,
  direction: 'older' | 'newer',
  show: (m: StoredMessage) => SlackArgs,
): SlackArgs {
  const limit = pageLimit(args);
  const from = args['cursor'] ? cursorTs(str(args, 'cursor')) : undefined;
  const rest =
    from === undefined
      ? messages
      : messages.filter((m) =>
          direction === 'older' ? compareTs(m.ts, from) <= 0 : compareTs(m.ts, from) >= 0,
        );
  const page = rest.slice(0, limit);
  const next = rest[limit];
  return {
    messages: page.map(show),
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? Buffer.from(`next_ts:${next.ts}`).toString('base64') : '' },
  };
}

function pageLimit(args: SlackArgs): number {
  if (args['limit'] === undefined || args['limit'] === '') return DEFAULT_PAGE;
  const limit = Number(args['limit']);
  if (!Number.isInteger(limit) || limit < 1) throw new SlackError('invalid_limit');
  // Slack documents 999 as the maximum and answers no more than that.
  return Math.min(limit, MAX_PAGE);
}

function cursorTs(cursor: string): string {
  const ts = /^next_ts:(\d+\.\d{6})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1];
  if (!ts) throw new SlackError('invalid_cursor');
  return ts;
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
