import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  MEMBER,
  SERVERLESS_CHANNEL,
  SIGNING_SECRET,
  startHarness,
} from '../support/gavelHarness.js';
import { sendSlashCommand } from '../../src/standins/slackRequests.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';

interface Ack {
  response_type?: string;
  text?: string;
}

describe.each(ENGINES)('the app over HTTP on %s', (engine) => {
  let h: GavelHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  const start = async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    return h;
  };
  const addCommand = (app: GavelHarness, text: string) => ({
    command: '/agenda',
    text,
    userId: MEMBER,
    channelId: SERVERLESS_CHANNEL,
    responseUrl: app.slack.responseUrl(),
    triggerId: 'trigger-refused',
  });
  const agendaRows = (app: GavelHarness) => app.db.opened.db.selectFrom('agenda_items').selectAll().execute();
  /** Slack calls the app made because of a request (planning at start makes none). */
  const slackCallsAfterStart = (app: GavelHarness) => app.slack.calls.filter((c) => c.method !== 'auth.test');

  it('answers /agenda help, signed with the signing secret, with the usage text', async () => {
    const app = await start();
    const res = await app.command('/agenda', 'help');
    expect(res.status).toBe(200);
    const ack = res.body as Ack;
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('`/agenda add <topic>`');
    expect(ack.text).toContain('`/agenda remove <n> [YYYY-MM-DD]`');
  });

  it('refuses a request with a wrong signature with 401 and stores nothing', async () => {
    const app = await start();
    const before = slackCallsAfterStart(app).length;
    const res = await sendSlashCommand(app.url, SIGNING_SECRET, addCommand(app, 'add Forged topic'), {
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });
    expect(res.status).toBe(401);
    const wrongSecret = await sendSlashCommand(app.url, 'not-the-secret', addCommand(app, 'add Forged 2'));
    expect(wrongSecret.status).toBe(401);
    expect(await agendaRows(app)).toEqual([]);
    expect(slackCallsAfterStart(app)).toHaveLength(before);
    expect(app.slack.responses).toEqual([]);
  });

  it('refuses a correctly signed request older than five minutes (a replay) with 401 and stores nothing', async () => {
    const app = await start();
    const before = slackCallsAfterStart(app).length;
    const res = await sendSlashCommand(app.url, SIGNING_SECRET, addCommand(app, 'add Replayed topic'), {
      signedAt: new Date(Date.now() - 6 * 60_000),
    });
    expect(res.status).toBe(401);
    expect(await agendaRows(app)).toEqual([]);
    expect(slackCallsAfterStart(app)).toHaveLength(before);
    // The same request signed now is accepted: the refusal was for its age alone.
    const fresh = await sendSlashCommand(app.url, SIGNING_SECRET, addCommand(app, 'add Replayed topic'));
    expect(fresh.status).toBe(200);
    expect((await agendaRows(app)).map((r) => r.topic)).toEqual(['Replayed topic']);
  });

  it('answers GET /healthz with 200 while the database answers and 503 once it does not', async () => {
    const app = await start();
    const ok = await fetch(`${app.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    // The app's own connection closed under it: the next ping fails.
    await app.gavel.database.destroy();
    const down = await fetch(`${app.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database unavailable' });
  });

  it('tells a command from a channel of no group which channels are configured', async () => {
    const app = await start();
    const res = await app.command('/agenda', 'add Lost topic', { channelId: 'C0RANDOM01' });
    expect(res.status).toBe(200);
    const ack = res.body as Ack;
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe(
      ':warning: This channel belongs to no working group. Use /agenda in one of: #serverless (CNCF Serverless WG).',
    );
    expect(await agendaRows(app)).toEqual([]);
  });
});
