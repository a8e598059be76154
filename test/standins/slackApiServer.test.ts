import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';

const TOKEN = 'xoxb-standin-test';

describe('the Slack Web API stand-in, through the real WebClient', () => {
  let slack: SlackApiServer;
  afterEach(async () => {
    await slack.close();
  });

  const start = async () => {
    slack = await startSlackApiServer({
      token: TOKEN,
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
});
