import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandArgs } from '../../src/slack/commands/commandListener.js';
import { createSlackApp, type SlackApp, type SlackConnection } from '../../src/slack/createSlackApp.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { sendInteraction, sendSlashCommand, type SlashCommand } from '../../src/standins/slackRequests.js';
import { webClientOptions } from '../../src/slackApi/webClientOptions.js';

const SECRET = 'lane-signing-secret';
const TOKEN = 'xoxb-lane-test';

const slackAppOn = (slack: SlackApiServer, connection: SlackConnection): SlackApp =>
  createSlackApp({
    connection,
    clientOptions: webClientOptions({ slackApiUrl: `${slack.url}/api/` }),
    port: 0,
    host: '127.0.0.1',
    routes: [],
    log: pino({ level: 'silent' }),
  });

/**
 * Slash commands over HTTP are answered by the command lane; everything else on the endpoint
 * must reach Bolt as if the lane were not there.
 */
describe('the HTTP command lane', () => {
  let slack: SlackApiServer;
  let app: SlackApp;
  let url: string;
  const seen: CommandArgs['command'][] = [];
  const boltSaw: string[] = [];

  beforeAll(async () => {
    slack = await startSlackApiServer({ token: TOKEN, channels: [], users: [] });
    app = slackAppOn(slack, { kind: 'http', botToken: TOKEN, signingSecret: SECRET });
    app.command('/echo', async ({ command, ack }) => {
      seen.push(command);
      await ack({ response_type: 'ephemeral', text: `echo: ${command.text}` });
    });
    app.command('/broken', () => Promise.reject(new Error('listener bug')));
    // Registered with Bolt only: the lane must hand it over, body intact.
    app.app.command('/bolt-only', async ({ command, ack }) => {
      boltSaw.push(`command ${command.text}`);
      await ack('bolt answered');
    });
    app.app.action('press', async ({ ack, action }) => {
      boltSaw.push(`action ${(action as { value?: string }).value ?? ''}`);
      await ack();
    });
    url = `http://127.0.0.1:${await app.start()}`;
  });
  afterAll(async () => {
    await app.stop();
    await slack.close();
  });

  const cmd = (command: string, text: string): SlashCommand => ({
    command,
    text,
    userId: 'U1',
    channelId: 'C1',
    responseUrl: slack.responseUrl(),
    triggerId: 'trigger-1',
  });

  it('answers a signed command with its listener’s ack', async () => {
    const answer = await sendSlashCommand(url, SECRET, cmd('/echo', 'hello & goodbye'));
    expect(answer).toEqual({
      status: 200,
      body: { response_type: 'ephemeral', text: 'echo: hello & goodbye' },
    });
    expect(seen.at(-1)).toMatchObject({
      command: '/echo',
      text: 'hello & goodbye',
      user_id: 'U1',
      channel_id: 'C1',
    });
  });

  it('refuses a command with a wrong or stale signature with 401, without running its listener', async () => {
    const before = seen.length;
    expect(
      (await sendSlashCommand(url, SECRET, cmd('/echo', 'x'), { signature: 'v0=deadbeef' })).status,
    ).toBe(401);
    const stale = new Date(Date.now() - 6 * 60_000);
    expect((await sendSlashCommand(url, SECRET, cmd('/echo', 'x'), { signedAt: stale })).status).toBe(401);
    expect((await sendSlashCommand(url, 'another-secret', cmd('/echo', 'x'))).status).toBe(401);
    expect(seen.length).toBe(before);
  });

  it('answers 500 when a listener fails before acking, and keeps serving', async () => {
    expect((await sendSlashCommand(url, SECRET, cmd('/broken', ''))).status).toBe(500);
    expect((await sendSlashCommand(url, SECRET, cmd('/echo', 'still here'))).status).toBe(200);
  });

  it('hands commands it has no listener for, and interactivity, to Bolt with the body intact', async () => {
    expect(await sendSlashCommand(url, SECRET, cmd('/bolt-only', 'over to you'))).toEqual({
      status: 200,
      body: 'bolt answered',
    });
    const press = await sendInteraction(url, SECRET, {
      type: 'block_actions',
      user: { id: 'U1' },
      team: { id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-2',
      actions: [{ type: 'button', action_id: 'press', block_id: 'b', value: 'v1', action_ts: '1' }],
    });
    expect(press.status).toBe(200);
    expect(boltSaw).toEqual(['command over to you', 'action v1']);
  });

  it('lets Bolt refuse what it refuses: a forged interaction gets 401 and reaches no listener', async () => {
    const forged = await sendInteraction(
      url,
      SECRET,
      { type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'press', value: 'forged' }] },
      { signature: 'v0=00' },
    );
    expect(forged.status).toBe(401);
    expect(boltSaw).not.toContain('action forged');
  });
});

/**
 * In Socket Mode there is no HTTP request to take a command off: Slack's envelopes reach Bolt
 * over the socket, so a registered command must be one of Bolt's listeners. The socket is not
 * opened here; the envelope's body is handed to Bolt as the receiver would.
 */
describe('slash commands in Socket Mode', () => {
  let slack: SlackApiServer;
  beforeAll(async () => {
    slack = await startSlackApiServer({ token: TOKEN, channels: [], users: [] });
  });
  afterAll(() => slack.close());

  it('reach their listener through Bolt, with its ack as the answer', async () => {
    const app = slackAppOn(slack, { kind: 'socket', botToken: TOKEN, appToken: 'xapp-socket-test' });
    app.command('/echo', async ({ command, ack }) => {
      await ack({ response_type: 'ephemeral', text: `echo: ${command.text}` });
    });
    const acked: unknown[] = [];
    await app.app.processEvent({
      body: {
        command: '/echo',
        text: 'over the socket',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        trigger_id: 'trigger-1',
        response_url: slack.responseUrl(),
      },
      ack: (response?: unknown) => {
        acked.push(response);
        return Promise.resolve();
      },
    });
    expect(acked).toEqual([{ response_type: 'ephemeral', text: 'echo: over the socket' }]);
  });
});
