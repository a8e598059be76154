import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlackWorkspace } from '../../src/core/ports/slackWorkspace.js';
import { webApiWorkspace } from '../../src/slackApi/webApiWorkspace.js';
import { webClientOptions } from '../../src/slackApi/webClientOptions.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { silentLogger } from '../support/databases.js';

const TOKEN = 'xoxb-findposted-test';
const CHANNEL = 'C0SERVERLESS';
const ALICE = 'U0ALICE01';
const MARKER = 'reminder:serverless:2026-11-23T15:00:00Z:60m';
const NOON = new Date('2026-11-23T12:00:00.000Z');

describe('SlackWorkspace.findPosted over the Web API (the Slack stand-in)', () => {
  let slack: SlackApiServer;
  let now: Date;
  afterEach(async () => {
    await slack.close();
  });

  const start = async (): Promise<SlackWorkspace> => {
    now = NOON;
    slack = await startSlackApiServer({
      token: TOKEN,
      now: () => now,
      channels: [{ id: CHANNEL, name: 'serverless' }],
      users: [
        {
          id: ALICE,
          name: 'alice',
          real_name: 'Alice',
          tz: 'Europe/Berlin',
          tz_label: 'CET',
          tz_offset: 3600,
        },
      ],
    });
    const client = new WebClient(
      TOKEN,
      webClientOptions({ slackApiUrl: `${slack.url}/api/`, retryBaseMs: 1 }),
    );
    return webApiWorkspace(client, silentLogger);
  };
  const since = (date: Date) => ({ since: date });

  it('finds the message posted with the marker at the top level', async () => {
    const slackWorkspace = await start();
    await slackWorkspace.post(CHANNEL, { text: 'someone else' });
    const ts = await slackWorkspace.post(CHANNEL, { text: 'Reminder', marker: MARKER });
    await slackWorkspace.post(CHANNEL, { text: 'later', marker: 'reminder:other' });
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, since(NOON))).toBe(ts);
  });

  it('sends the marker as gavel_post metadata on post and update, never on schedule', async () => {
    const slackWorkspace = await start();
    const ts = await slackWorkspace.post(CHANNEL, { text: 'Reminder', marker: MARKER });
    await slackWorkspace.update(CHANNEL, ts, { text: 'Reminder (edited)', marker: MARKER });
    await slackWorkspace.schedule(
      CHANNEL,
      { text: 'Later', marker: MARKER },
      new Date(NOON.getTime() + 3600_000),
    );
    const metadata = { event_type: 'gavel_post', event_payload: { key: MARKER } };
    expect(slack.callsTo('chat.postMessage')[0]?.['metadata']).toEqual(metadata);
    expect(slack.callsTo('chat.update')[0]?.['metadata']).toEqual(metadata);
    expect(slack.callsTo('chat.scheduleMessage')[0]).not.toHaveProperty('metadata');
  });

  it('finds the reply in a thread, and not the thread at the top level', async () => {
    const slackWorkspace = await start();
    const parent = await slackWorkspace.post(CHANNEL, { text: 'Action item' });
    const reply = await slackWorkspace.post(CHANNEL, {
      text: 'Issue opened',
      threadTs: parent,
      marker: MARKER,
    });
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, { since: NOON, threadTs: parent })).toBe(reply);
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, since(NOON))).toBeUndefined();
  });

  it('answers undefined when nothing since `since` carries the marker', async () => {
    const slackWorkspace = await start();
    await slackWorkspace.post(CHANNEL, { text: 'Reminder', marker: MARKER });
    now = new Date(NOON.getTime() + 60_000);
    await slackWorkspace.post(CHANNEL, { text: 'Reminder', marker: 'reminder:other' });
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, since(now))).toBeUndefined();
  });

  it('ignores a message without metadata, even one whose text names the marker', async () => {
    const slackWorkspace = await start();
    await slackWorkspace.post(CHANNEL, { text: `Reminder ${MARKER}` });
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, since(NOON))).toBeUndefined();
  });

  it('follows the cursor to a later page', async () => {
    const slackWorkspace = await start();
    const ts = await slackWorkspace.post(CHANNEL, { text: 'Reminder', marker: MARKER });
    // Newer than the marked message, so they fill the first page of 200.
    await Promise.all(
      Array.from({ length: 250 }, (_, i) => slackWorkspace.post(CHANNEL, { text: `chatter ${i}` })),
    );
    expect(await slackWorkspace.findPosted(CHANNEL, MARKER, since(NOON))).toBe(ts);
    const pages = slack.callsTo('conversations.history');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ limit: '200', include_all_metadata: 'true', oldest: '1795435200' });
  });

  it('looks in the DM when the channel is a user id', async () => {
    const slackWorkspace = await start();
    const ts = await slackWorkspace.post(ALICE, { text: 'Your item is due', marker: MARKER });
    expect(await slackWorkspace.findPosted(ALICE, MARKER, since(NOON))).toBe(ts);
    expect(slack.callsTo('conversations.open')).toEqual([expect.objectContaining({ users: ALICE })]);
  });

  it('turns a refusal into a SlackCallError that says Slack answered', async () => {
    const slackWorkspace = await start();
    await expect(slackWorkspace.findPosted('C0NOPE', MARKER, since(NOON))).rejects.toMatchObject({
      name: 'SlackCallError',
      answered: true,
      slackError: 'channel_not_found',
    });
  });
});
