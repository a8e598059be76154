import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, SERVERLESS_YAML, startHarness } from '../support/gavelHarness.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);
/** Past the job queue's first backoff (30 s) and the item's announcement grace. */
const later = (h: GavelHarness, minutes: number) =>
  h.clock.set(new Date(h.clock.now().getTime() + minutes * 60_000));

/**
 * The clients give up on a silent server after 300 ms and retry after 10 ms, so a fault
 * costs the test milliseconds; production keeps 10 s and 1 s.
 */
const FAST = { apiTimeoutMs: 300, retryBaseMs: 10 } as const;

describe.each(ENGINES)('when Slack or Google fail, on %s', (engine) => {
  let h: GavelHarness | undefined;
  let google: GoogleApiServer | undefined;
  afterEach(async () => {
    await h?.stop();
    await google?.close();
    h = undefined;
    google = undefined;
  });

  const job = (app: GavelHarness, key: string) =>
    app.db.opened.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  const reminders = (app: GavelHarness) =>
    app.slack.messages().filter((m) => String(m['text']).includes('Weekly call'));
  const reminderKey = `reminder:serverless:${MEETING}:10m`;

  describe('Slack', () => {
    it('answering 500 past the client’s own retries: the reminder job retries later and posts once', async () => {
      const app = (h = await startHarness({ engine, now: MONDAY_NOON, ...FAST }));
      // The client tries 4 times per attempt: the first job attempt fails, the second gets through.
      app.slack.fail('chat.postMessage', 500, 6);
      app.clock.set(minutesBefore(MEETING, 10));
      await app.gavel.tick();
      expect(reminders(app)).toHaveLength(0);
      const failed = await job(app, reminderKey);
      expect(failed.status).toBe('pending');
      expect(failed.last_error).toContain('500');

      later(app, 1);
      await app.gavel.tick();
      expect(reminders(app)).toHaveLength(1);
      expect((await job(app, reminderKey)).status).toBe('done');
    });

    it('not answering at all: the call times out, the job retries, the reminder is posted once', async () => {
      const app = (h = await startHarness({ engine, now: MONDAY_NOON, ...FAST }));
      app.slack.hang('chat.postMessage', 5);
      app.clock.set(minutesBefore(MEETING, 10));
      await app.gavel.tick();
      expect(reminders(app)).toHaveLength(0);
      expect((await job(app, reminderKey)).status).toBe('pending');

      later(app, 1);
      await app.gavel.tick();
      expect(reminders(app)).toHaveLength(1);
      expect((await job(app, reminderKey)).status).toBe('done');
    });

    it('rate limiting with Retry-After: /todo still acks at once and its message follows once', async () => {
      // The client's own timeout (10 s) is kept here: Slack holds its answer for a while.
      const app = (h = await startHarness({ engine, now: MONDAY_NOON, retryBaseMs: FAST.retryBaseMs }));
      app.slack.rateLimit('chat.postMessage', 1, 1);
      // Slack takes the message after the Retry-After but answers only once the ack is in: an
      // ack that waited for the message would come only after the client gave up on it.
      let acked = (): void => undefined;
      const ackIn = new Promise<void>((resolve) => (acked = resolve));
      app.slack.beforeAnswer('chat.postMessage', () => ackIn);
      const res = await app.command('/todo', 'Wait out the rate limit');
      // The ack came first, whatever the machine's speed: Slack had not answered the message.
      expect(app.slack.callsTo('chat.postMessage')).toEqual([]);
      acked();
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(app.slack.callsTo('chat.postMessage')).toHaveLength(1), {
        timeout: 5000,
        interval: 50,
      });
      expect(app.slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status)).toEqual([
        429, 200,
      ]);
      expect(String(app.slack.callsTo('chat.postMessage')[0]?.['text'])).toContain('Wait out the rate limit');
    });
  });

  describe('Google', () => {
    it('not answering the copy: the minutes job times out, retries, and makes one doc', async () => {
      const key = makeServiceAccountKey();
      const g = (google = await startGoogleApiServer({ serviceAccounts: [key] }));
      g.addFolder(FOLDER);
      g.addDoc({ id: TEMPLATE, name: 'Template', text: 'Minutes of {{title}}\n{{agenda}}\n' });
      const app = (h = await startHarness({
        engine,
        now: MONDAY_NOON,
        ...FAST,
        groupsYaml: `${SERVERLESS_YAML}    minutes:\n      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n`,
        env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: g.url },
      }));
      await app.gavel.tick();
      g.fault({ op: 'files.copy', fileId: TEMPLATE, status: 0, hang: true });
      app.clock.set(minutesBefore(MEETING, 60));
      await app.gavel.tick();
      expect(g.filesIn(FOLDER)).toHaveLength(0);
      const minutesKey = `minutes:serverless:${MEETING}`;
      expect((await job(app, minutesKey)).status).toBe('pending');

      later(app, 1);
      await app.gavel.tick();
      expect(g.filesIn(FOLDER)).toHaveLength(1);
      expect(g.filesIn(FOLDER)[0]?.text).toBe('Minutes of Weekly call\nNo agenda items yet.\n');
      expect((await job(app, minutesKey)).status).toBe('done');
    });
  });
});
