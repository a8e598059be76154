import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  metadataKeyOf,
  type SlackApiServer,
  type SlackArgs,
  startSlackApiServer,
} from '../../src/standins/slackApiServer.js';

const TOKEN = 'xoxb-standin-test';

describe('the Slack Web API stand-in, through the real WebClient', () => {
  let slack: SlackApiServer;
  afterEach(async () => {
    await slack.close();
  });

  const start = async (now?: () => Date) => {
    slack = await startSlackApiServer({
      token: TOKEN,
      ...(now ? { now } : {}),
      channels: [
        { id: 'C0SERVERLESS', name: 'serverless' },
        { id: 'C0RANDOM01', name: 'random' },
      ],
      users: [
        {
          id: 'U0ALICE01',
          name: 'alice',
          real_name: 'Alice',
          tz: 'Europe/Berlin',
          tz_label: 'CET',
          tz_offset: 3600,
        },
      ],
    });
    return new WebClient(TOKEN, { slackApiUrl: `${slack.url}/api/`, retryConfig: { retries: 0 } });
  };

  it('answers auth.test, conversations.info/list, users.info in Slack’s shapes', async () => {
    const client = await start();
    expect((await client.auth.test()).user_id).toBe('U0GAVELBOT');
    expect((await client.conversations.info({ channel: 'C0SERVERLESS' })).channel?.name).toBe('serverless');
    const page = await client.conversations.list({ limit: 1 });
    expect(page.channels?.map((c) => c.id)).toEqual(['C0SERVERLESS']);
    const next = await client.conversations.list({
      limit: 1,
      cursor: page.response_metadata?.next_cursor ?? '',
    });
    expect(next.channels?.map((c) => c.id)).toEqual(['C0RANDOM01']);
    expect((await client.users.info({ user: 'U0ALICE01' })).user?.tz).toBe('Europe/Berlin');
  });

  it('keeps posted messages, applies chat.update, links them, and parses JSON-encoded blocks', async () => {
    const client = await start();
    const posted = await client.chat.postMessage({
      channel: 'C0SERVERLESS',
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hello*' } }],
    });
    await client.chat.update({ channel: 'C0SERVERLESS', ts: posted.ts!, text: 'hello again' });
    expect(slack.messages()).toEqual([
      expect.objectContaining({
        channel: 'C0SERVERLESS',
        ts: posted.ts,
        text: 'hello again',
        blocks: [expect.any(Object)],
      }),
    ]);
    const link = await client.chat.getPermalink({ channel: 'C0SERVERLESS', message_ts: posted.ts! });
    expect(link.permalink).toContain('/archives/C0SERVERLESS/p');
  });

  it('fails like Slack: ok:false errors, a wrong token, 429 with Retry-After', async () => {
    const client = await start();
    await expect(client.chat.postMessage({ channel: 'C0NOPE', text: 'x' })).rejects.toMatchObject({
      data: { ok: false, error: 'channel_not_found' },
    });
    const stranger = new WebClient('xoxb-wrong', {
      slackApiUrl: `${slack.url}/api/`,
      retryConfig: { retries: 0 },
    });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    slack.rateLimit('chat.postMessage', 1, 7);
    const impatient = new WebClient(TOKEN, {
      slackApiUrl: `${slack.url}/api/`,
      rejectRateLimitedCalls: true,
    });
    await expect(impatient.chat.postMessage({ channel: 'C0SERVERLESS', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
  });

  it('holds chat.postMessage and chat.scheduleMessage to one workspace budget a minute, by its clock', async () => {
    let at = new Date('2026-11-26T16:00:00.000Z');
    slack = await startSlackApiServer({
      token: TOKEN,
      now: () => at,
      channels: [
        { id: 'C0SERVERLESS', name: 'serverless' },
        { id: 'C0RANDOM01', name: 'random' },
      ],
      users: [],
      workspaceRate: { callsPerMinute: 2 },
    });
    const client = new WebClient(TOKEN, { slackApiUrl: `${slack.url}/api/`, rejectRateLimitedCalls: true });
    const postAt = at.getTime() / 1000 + 3600;
    await client.chat.postMessage({ channel: 'C0SERVERLESS', text: 'one' });
    at = new Date(at.getTime() + 20_000);
    await client.chat.scheduleMessage({ channel: 'C0RANDOM01', text: 'two', post_at: postAt });
    // A third in the same minute, in any channel and by either method, waits for the first to age out.
    await expect(
      client.chat.scheduleMessage({ channel: 'C0SERVERLESS', text: 'three', post_at: postAt }),
    ).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 40 });
    at = new Date(at.getTime() + 40_000);
    await expect(client.chat.postMessage({ channel: 'C0RANDOM01', text: 'three' })).resolves.toMatchObject({
      ok: true,
    });
  });

  describe('reading messages back', () => {
    const CHANNEL = 'C0SERVERLESS';
    const marked = (key: string) => ({ event_type: 'gavel_post', event_payload: { key } });
    const post = (client: WebClient, text: string, more: Record<string, unknown> = {}) =>
      client.chat.postMessage({ channel: CHANNEL, text, ...more }).then((r) => r.ts!);
    const texts = (messages: readonly { text?: string }[] | undefined) => (messages ?? []).map((m) => m.text);
    /** A call as any HTTP client could make it, JSON body and all. */
    const callJson = async (method: string, body: Record<string, unknown>) =>
      (await (
        await fetch(`${slack.url}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
        })
      ).json()) as SlackArgs;

    it('conversations.history lists the top-level messages newest first, thread replies left out', async () => {
      const client = await start();
      const first = await post(client, 'first');
      await post(client, 'a reply', { thread_ts: first });
      await post(client, 'second');
      const history = await client.conversations.history({ channel: CHANNEL });
      expect(texts(history.messages)).toEqual(['second', 'first']);
      expect(history.messages?.[1]).toMatchObject({
        ts: first,
        thread_ts: first,
        reply_count: 1,
        bot_id: 'B0GAVEL',
      });
      expect(history.has_more).toBe(false);
    });

    it('shows metadata only when asked with include_all_metadata', async () => {
      const client = await start();
      await post(client, 'tagged', { metadata: marked('reminder:1') });
      const bare = await client.conversations.history({ channel: CHANNEL });
      expect(bare.messages?.[0]).not.toHaveProperty('metadata');
      const full = await client.conversations.history({ channel: CHANNEL, include_all_metadata: true });
      expect(full.messages?.[0]?.metadata).toEqual(marked('reminder:1'));
    });

    it('pages with has_more and response_metadata.next_cursor, unshaken by posts between pages', async () => {
      const client = await start();
      for (const text of ['one', 'two', 'three']) await post(client, text);
      const page1 = await client.conversations.history({ channel: CHANNEL, limit: 2 });
      expect(texts(page1.messages)).toEqual(['three', 'two']);
      expect(page1.has_more).toBe(true);
      await post(client, 'four');
      const page2 = await client.conversations.history({
        channel: CHANNEL,
        limit: 2,
        cursor: page1.response_metadata?.next_cursor ?? '',
      });
      expect(texts(page2.messages)).toEqual(['one']);
      expect(page2.has_more).toBe(false);
      expect(page2.response_metadata?.next_cursor).toBe('');
    });

    it('reads oldest and latest as exclusive bounds unless inclusive', async () => {
      let now = new Date('2026-11-23T12:00:00.000Z');
      const client = await start(() => now);
      const early = await post(client, 'early');
      now = new Date('2026-11-23T12:00:05.000Z');
      await post(client, 'late');
      const since = (oldest: string, inclusive?: boolean) =>
        client.conversations
          .history({ channel: CHANNEL, oldest, ...(inclusive ? { inclusive } : {}) })
          .then((h) => texts(h.messages));
      expect(early).toBe('1795435200.000000');
      expect(await since(early)).toEqual(['late']);
      expect(await since(early, true)).toEqual(['late', 'early']);
      expect(await since('1795435201')).toEqual(['late']);
      const before = await client.conversations.history({ channel: CHANNEL, latest: '1795435203' });
      expect(texts(before.messages)).toEqual(['early']);
    });

    it('conversations.replies answers the parent, then the replies oldest first, paged', async () => {
      const client = await start();
      const parent = await post(client, 'parent');
      await post(client, 'elsewhere');
      for (const text of ['r1', 'r2', 'r3']) await post(client, text, { thread_ts: parent });
      const page1 = await client.conversations.replies({ channel: CHANNEL, ts: parent, limit: 3 });
      expect(texts(page1.messages)).toEqual(['parent', 'r1', 'r2']);
      expect(page1.has_more).toBe(true);
      const page2 = await client.conversations.replies({
        channel: CHANNEL,
        ts: parent,
        limit: 3,
        cursor: page1.response_metadata?.next_cursor ?? '',
      });
      expect(texts(page2.messages)).toEqual(['r3']);
    });

    it('includes a message that the clock posted from chat.scheduleMessage', async () => {
      let now = new Date('2026-11-23T12:00:00.000Z');
      const client = await start(() => now);
      const postAt = Math.floor(now.getTime() / 1000) + 600;
      await client.chat.scheduleMessage({ channel: CHANNEL, text: 'scheduled', post_at: postAt });
      now = new Date((postAt + 1) * 1000);
      const history = await client.conversations.history({ channel: CHANNEL });
      expect(history.messages).toEqual([
        expect.objectContaining({ text: 'scheduled', ts: `${postAt}.000000` }),
      ]);
    });

    it('lists but never posts a scheduled message that carries metadata, as Slack does', async () => {
      let now = new Date('2026-11-23T12:00:00.000Z');
      const client = await start(() => now);
      const postAt = Math.floor(now.getTime() / 1000) + 600;
      await client.chat.scheduleMessage({
        channel: CHANNEL,
        text: 'lost',
        post_at: postAt,
        metadata: marked('reminder:1'),
      });
      expect(slack.scheduled()).toHaveLength(1);
      now = new Date((postAt + 1) * 1000);
      expect((await client.conversations.history({ channel: CHANNEL })).messages).toEqual([]);
    });

    it('posts to a user id in the DM that conversations.open names, and reads it there', async () => {
      const client = await start();
      const posted = await client.chat.postMessage({ channel: 'U0ALICE01', text: 'your item is due' });
      const dm = (await client.conversations.open({ users: 'U0ALICE01' })).channel?.id;
      expect(dm).toMatch(/^D/);
      expect(posted.channel).toBe(dm);
      const history = await client.conversations.history({ channel: dm! });
      expect(texts(history.messages)).toEqual(['your item is due']);
      expect(slack.messages()[0]).toMatchObject({ channel: 'U0ALICE01' });
    });

    it('takes metadata as a JSON object or a JSON string, in form and JSON bodies', async () => {
      const client = await start();
      await post(client, 'form, object', { metadata: marked('a') });
      await callJson('chat.postMessage', { channel: CHANNEL, text: 'json, object', metadata: marked('b') });
      await callJson('chat.postMessage', {
        channel: CHANNEL,
        text: 'json, string',
        metadata: JSON.stringify(marked('c')),
      });
      const history = await client.conversations.history({ channel: CHANNEL, include_all_metadata: true });
      expect(history.messages?.map((m) => metadataKeyOf({ metadata: m.metadata }))).toEqual(['c', 'b', 'a']);
    });

    it('refuses what Slack refuses', async () => {
      const client = await start();
      const refusal = (call: Promise<unknown>) =>
        call.then(
          () => 'ok',
          (e: { data?: { error?: string } }) => e.data?.error,
        );
      const metadataRefusal = (metadata: unknown) =>
        callJson('chat.postMessage', { channel: CHANNEL, text: 'x', metadata }).then((a) => a['error']);
      expect(await metadataRefusal({ event_type: 'has space', event_payload: {} })).toBe(
        'invalid_metadata_format',
      );
      expect(await metadataRefusal({ event_type: 'x'.repeat(256), event_payload: {} })).toBe(
        'invalid_metadata_format',
      );
      expect(await metadataRefusal({ event_type: 'gavel_post', event_payload: ['key'] })).toBe(
        'invalid_metadata_format',
      );
      expect(await metadataRefusal({ event_type: 'gavel_post' })).toBe('invalid_metadata_format');
      expect(await metadataRefusal('{not json')).toBe('invalid_metadata_format');
      expect(await refusal(client.conversations.history({ channel: 'C0NOPE' }))).toBe('channel_not_found');
      // A user id names a person, not a conversation: history needs the DM's id.
      expect(await refusal(client.conversations.history({ channel: 'U0ALICE01' }))).toBe('channel_not_found');
      expect(await refusal(client.conversations.replies({ channel: CHANNEL, ts: '1795435200.000001' }))).toBe(
        'thread_not_found',
      );
      expect(await refusal(client.conversations.history({ channel: CHANNEL, cursor: 'bm9wZQ==' }))).toBe(
        'invalid_cursor',
      );
      expect(await refusal(client.conversations.history({ channel: CHANNEL, oldest: 'yesterday' }))).toBe(
        'invalid_ts_oldest',
      );
      expect(slack.messages()).toEqual([]);
    });

    it('traps only the call its predicate picks, and stays armed until then', async () => {
      const client = await start();
      const heldBack: unknown[] = [];
      slack.beforeAnswer(
        'chat.postMessage',
        async () => {
          // Slack has acted: the message is there before the app hears back.
          heldBack.push(slack.messages().at(-1)?.['text']);
        },
        (args) => metadataKeyOf(args)?.startsWith('wrap-up:') ?? false,
      );
      await post(client, 'reminder', { metadata: marked('reminder:1') });
      await post(client, 'plain');
      await post(client, 'wrap-up', { metadata: marked('wrap-up:1') });
      await post(client, 'another wrap-up', { metadata: marked('wrap-up:2') });
      expect(heldBack).toEqual(['wrap-up']);
    });
  });
});

describe('metadataKeyOf, for traps on one kind of message', () => {
  const marked = (key: string) => ({ event_type: 'gavel_post', event_payload: { key } });

  it('reads the key from a metadata object or a JSON string', () => {
    expect(metadataKeyOf({ metadata: marked('wrap-up:1') })).toBe('wrap-up:1');
    expect(metadataKeyOf({ metadata: JSON.stringify(marked('wrap-up:1')) })).toBe('wrap-up:1');
    expect(metadataKeyOf({ metadata: '{broken' })).toBeUndefined();
    expect(metadataKeyOf({ text: 'no metadata' })).toBeUndefined();
  });
});
