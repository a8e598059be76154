import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  type HarnessOptions,
  SERVERLESS_CHANNEL,
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);
const TOKEN = 'metrics-token-0123456789abcdef';
const GITHUB_TOKEN = 'ghp_test0000000000000000000000000000gavel';
/** The client's own retry after a 429 or 500 waits 10 ms here instead of a second. */
const FAST = { retryBaseMs: 10 } as const;

/** One sample of the exposition: `name{a="x",b="y"} value`, labels in any order. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe.each(ENGINES)('GET /metrics and /readyz on %s', (engine) => {
  let h: GavelHarness | undefined;
  let github: GithubApiServer | undefined;
  afterEach(async () => {
    await h?.stop();
    await github?.close();
    h = undefined;
    github = undefined;
  });
  const start = async (opts: Partial<HarnessOptions> = {}) => {
    h = await startHarness({ engine, now: MONDAY_NOON, ...FAST, ...opts });
    return h;
  };
  const scrape = async (app: GavelHarness, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/metrics`, { headers });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('serves no /metrics unless METRICS=on', async () => {
    const app = await start();
    expect((await scrape(app)).status).toBe(404);
    // Liveness and readiness are there all the same.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });

  it('counts the command ack, the jobs by kind and state, the reminder and the Slack calls by outcome', async () => {
    const app = await start({ env: { METRICS: 'on' } });
    // A job of a kind this version has no handler for: its label is "other", not its name.
    await app.gavel.services.queue.enqueue(
      [{ key: 'mystery:1', kind: 'mystery-kind', payload: {}, runAt: new Date('2027-01-01T00:00:00Z') }],
      app.clock.now(),
    );
    const ack = await app.command('/agenda', 'add Metrics for operators');
    expect(ack.status).toBe(200);
    // The 10-minute reminder's first post is rate limited; the client waits out Retry-After: 0.
    app.slack.rateLimit('chat.postMessage', 1, 0);
    app.clock.set(minutesBefore(MEETING, 10));
    expect(await app.gavel.tick()).toBeGreaterThan(0);
    expect(app.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'))).toHaveLength(1);

    const { status, type, text } = await scrape(app);
    expect(status).toBe(200);
    expect(type).toContain('text/plain; version=0.0.4');
    // Command acks by command, with their latency.
    expect(sample(text, 'gavel_command_ack_seconds_count', { command: '/agenda' })).toBe(1);
    expect(sample(text, 'gavel_command_ack_seconds_bucket', { command: '/agenda', le: '+Inf' })).toBe(1);
    expect(sample(text, 'gavel_command_ack_seconds_count', { command: '/todo' })).toBe(0);
    // Slack calls by outcome: the 429, then the post that went through.
    expect(sample(text, 'gavel_remote_calls_total', { service: 'slack', outcome: '429' })).toBe(1);
    expect(
      sample(text, 'gavel_remote_calls_total', { service: 'slack', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'gavel_remote_calls_total', { service: 'github', outcome: 'ok' })).toBe(0);
    // The reminder was posted at once (its hand-over minute had passed).
    expect(sample(text, 'gavel_reminders_total', { outcome: 'posted' })).toBe(1);
    expect(sample(text, 'gavel_reminders_total', { outcome: 'handed_over' })).toBe(0);
    // Due-to-done by kind, by the injected clock: the 10-minute reminder was due 2 minutes earlier.
    expect(
      sample(text, 'gavel_job_runs_total', { kind: 'reminder', outcome: 'done' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'gavel_job_due_to_done_seconds_bucket', { kind: 'reminder', le: '120' })).toBe(1);
    // Jobs by kind and state, read from the database now: next weeks' reminders wait.
    expect(sample(text, 'gavel_jobs', { kind: 'reminder', state: 'pending' })).toBeGreaterThan(0);
    expect(sample(text, 'gavel_jobs', { kind: 'reminder', state: 'failed' })).toBe(0);
    expect(sample(text, 'gavel_jobs', { kind: 'other', state: 'pending' })).toBe(1);
    expect(text).not.toContain('mystery-kind');
    expect(sample(text, 'gavel_database_errors_total')).toBe(0);
    // prom-client's default process metrics.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts the calls to GitHub', async () => {
    github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
    const app = await start({
      env: { METRICS: 'on', GITHUB_TOKEN, GITHUB_API_URL: github.url },
    });
    expect((await app.command('/todo', 'Write the metrics docs by Dec 7')).status).toBe(200);
    // The item's announcement first (its thread gets the issue link), then the issue job.
    await vi.waitFor(async () => {
      const rows = await app.db.opened.db.selectFrom('action_items').select('message_ts').execute();
      expect(rows.length > 0 && rows.every((r) => r.message_ts !== null)).toBe(true);
    });
    await app.gavel.tick();
    expect(github.issues('cncf', 'wg-serverless')).toHaveLength(1);
    const { text } = await scrape(app);
    expect(sample(text, 'gavel_remote_calls_total', { service: 'github', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(text, 'gavel_remote_calls_total', { service: 'github', outcome: 'error' })).toBe(0);
    expect(sample(text, 'gavel_command_ack_seconds_count', { command: '/todo' })).toBe(1);
  });

  it('counts a failed database statement', async () => {
    const app = await start({ env: { METRICS: 'on' } });
    await expect(sql`select * from no_such_table`.execute(app.gavel.database)).rejects.toThrow();
    expect(sample((await scrape(app)).text, 'gavel_database_errors_total')).toBe(1);
  });

  it('counts a Slack error answer', async () => {
    const app = await start({ env: { METRICS: 'on' } });
    app.slack.fail('chat.postMessage', 500, 4);
    app.clock.set(minutesBefore(MEETING, 10));
    await app.gavel.tick();
    const { text } = await scrape(app);
    expect(sample(text, 'gavel_remote_calls_total', { service: 'slack', outcome: 'error' })).toBe(4);
    expect(sample(text, 'gavel_job_runs_total', { kind: 'reminder', outcome: 'retrying' })).toBe(1);
  });

  it('asks for METRICS_TOKEN as a bearer token when it is set', async () => {
    const app = await start({ env: { METRICS: 'on', METRICS_TOKEN: TOKEN } });
    const missing = await scrape(app);
    expect(missing.status).toBe(401);
    expect(missing.text).not.toContain('gavel_');
    expect((await scrape(app, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(app, { authorization: `Basic ${TOKEN}` })).status).toBe(401);
    const right = await scrape(app, { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain('gavel_jobs');
  });

  it('answers /readyz 200 when ready and 503 naming the database once it does not answer', async () => {
    const app = await start();
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', groups: 'ok', slack: 'ok' },
    });
    await app.gavel.database.destroy();
    const gone = await fetch(`${app.url}/readyz`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({
      status: 'not ready',
      checks: { database: 'failed', groups: 'ok', slack: 'ok' },
      failed: ['database: the database does not answer'],
    });
  });

  it('answers /readyz 503 naming Slack when Slack refused the bot token at start', async () => {
    const app = await start({
      env: { SLACK_BOT_TOKEN: 'xoxb-9999-revoked-token' },
      // By id: resolving a #name would need the token Slack refuses.
      groupsYaml: SERVERLESS_YAML.replace('channel: "#serverless"', `channel: ${SERVERLESS_CHANNEL}`),
    });
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not ready',
      checks: { database: 'ok', groups: 'ok', slack: 'failed' },
      failed: ['slack: Slack has not accepted the bot token (auth.test)'],
    });
    expect(app.slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
    // Liveness is not readiness: the process itself is fine.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    // A refused token is not asked about again, however often the probe comes.
    app.clock.advance(60 * 60_000);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    expect(app.slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
  });
});
