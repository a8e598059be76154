import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/createSlackApp.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';

const TOKEN = 'xoxb-socket-test';

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
    const app = createSlackApp({
      connection: { kind: 'socket', botToken: TOKEN, appToken: 'xapp-socket-test' },
      slackApiUrl: `${slack.url}/api/`,
      port: 0,
      host: '127.0.0.1',
      routes: [],
      log: pino({ level: 'silent' }),
    });
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
