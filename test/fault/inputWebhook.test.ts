import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, MEMBER, startHarness } from '../support/gavelHarness.js';
import { expectDatabaseInvariants, watchUnhandledRejections, withConcurrency } from './inputChecks.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
/** githubWebhookRoute's limit. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const BATCH = 6;

const sign = (body: string, secret = WEBHOOK_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Numbers an issue or marker may carry: the seeded items' (1-3), and ones no column holds. */
const number = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, 1e20, Number.MAX_VALUE),
  fc.integer(),
);
const issueBody = fc.oneof(
  number.map((n) => `<!-- gavel:item:${n} -->`),
  fc.constantFrom('<!-- gavel:item:99999999999999999999999 -->', '<!-- gavel:item: -->', ''),
  fc.string(),
  fc.constant(null),
);
/** `issues` deliveries close to GitHub's shape, with every field possibly off. */
const issueDelivery = fc.record(
  {
    action: fc.oneof(fc.constantFrom('closed', 'reopened', 'opened', 'edited'), fc.string(), fc.integer()),
    issue: fc.oneof(
      fc.record({ number: fc.oneof(number, fc.string()), body: issueBody }, { requiredKeys: [] }),
      fc.constant(null),
      fc.string(),
    ),
    repository: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.constantFrom('wg-serverless', 'WG-Serverless', 'other'), fc.string()),
          owner: fc.oneof(
            fc.record({ login: fc.oneof(fc.constantFrom('cncf', 'CNCF', 'someone'), fc.string()) }),
            fc.constant(null),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.constant(null),
    ),
  },
  { requiredKeys: [] },
);
/** Deliveries for the group's own repository, so that the numbers and markers are looked up. */
const ownRepoDelivery = fc.record({
  action: fc.constantFrom('closed', 'reopened'),
  issue: fc.record({ number, body: issueBody }),
  repository: fc.constant({ name: 'wg-serverless', owner: { login: 'cncf' } }),
});
/** Raw bodies: issue deliveries, any JSON at all, and text that is not JSON. */
const rawBody = fc.oneof(
  { weight: 3, arbitrary: ownRepoDelivery.map((d) => JSON.stringify(d)) },
  { weight: 3, arbitrary: issueDelivery.map((d) => JSON.stringify(d)) },
  { weight: 2, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('', '{', 'null', '[]', '"x"', '{"a":')) },
);
const eventName = fc.oneof(
  { weight: 4, arbitrary: fc.constant('issues') },
  fc.constantFrom('ping', 'push', 'issue_comment', ''),
);
const badSignature = (body: string) =>
  fc.oneof(
    fc.string({ minLength: 1 }).map((secret) => sign(body, `${WEBHOOK_SECRET}${secret}`)),
    fc.constant(sign(`${body} `)),
    fc.constant(sign(body).replace('sha256=', 'sha1=')),
    fc.constant(sign(body).toUpperCase()),
    fc.nat({ max: 63 }).map((i) => {
      const s = sign(body);
      const at = 7 + i;
      return `${s.slice(0, at)}${s[at] === '0' ? '1' : '0'}${s.slice(at + 1)}`;
    }),
    fc.string(),
    fc.constant(undefined),
  );

describe.each(ENGINES)('GitHub webhook deliveries with arbitrary bodies, on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  const seed = (n: number) => (engine === 'sqlite' ? 9_100_000 + n : 9_200_000 + n);
  beforeAll(async () => {
    rejections = watchUnhandledRejections();
    github = await startGithubApiServer({ tokens: [TOKEN], installations: ['4242'] });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN, GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET },
    });
    // Items 1-3, open, issues not yet created (no tick): their markers match a delivery.
    for (const text of ['First', 'Second', 'Third']) {
      expect((await h.command('/todo', `<@${MEMBER}> ${text}`, { userId: LEAD })).status).toBe(200);
    }
    // Announcements follow the acks; the snapshots below must not race them.
    await vi.waitFor(async () => {
      const items = await h.gavel.database.selectFrom('action_items').select('message_ts').execute();
      expect(items.map((i) => i.message_ts).filter(Boolean)).toHaveLength(3);
    });
  });
  afterAll(async () => {
    rejections.stop();
    await h.stop();
    await github.close();
  });

  const deliver = async (body: string, event: string, signature: string | undefined) => {
    const res = await fetch(`${h.url}/github/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': `delivery-${Math.random()}`,
        ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }),
      },
      body,
    });
    await res.text();
    return res.status;
  };
  const snapshot = async () => {
    const db = h.gavel.database;
    return JSON.stringify([
      await db.selectFrom('action_items').selectAll().orderBy('id').execute(),
      await db.selectFrom('jobs').selectAll().orderBy('key').execute(),
    ]);
  };

  it('refuses 300 deliveries signed wrongly (or not at all) with 401 and changes nothing', async () => {
    const before = await snapshot();
    const delivery = rawBody.chain((body) =>
      fc.record({ body: fc.constant(body), event: eventName, signature: badSignature(body) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const statuses = await withConcurrency(
          BATCH,
          batch.map((d) => () => deliver(d.body, d.event, d.signature)),
        );
        for (const s of statuses) expect(s).toBe(401);
      }),
      { numRuns: Math.ceil(300 / BATCH), seed: seed(1) },
    );
    expect(await snapshot()).toBe(before);
  }, 60_000);

  it('answers 300 correctly signed deliveries of any shape with 2xx or 4xx, never 5xx', async () => {
    const statuses: number[] = [];
    const delivery = fc.record({ body: rawBody, event: eventName });
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map((d) => () => deliver(d.body, d.event, sign(d.body))),
        );
        for (const s of answers) expect(s >= 200 && s < 500, `status ${s}`).toBe(true);
        statuses.push(...answers);
      }),
      { numRuns: Math.ceil(300 / BATCH), seed: seed(2) },
    );
    // Both sides met: some deliveries acted on an item, some were not JSON.
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  }, 60_000);

  it('answers 400 to a correctly signed body that is not JSON', async () => {
    expect(await deliver('not json {', 'issues', sign('not json {'))).toBe(400);
  });

  it('takes issue numbers and markers beyond 32 bits for no item instead of failing on PostgreSQL', async () => {
    const before = await snapshot();
    const closed = (issue: { number: number; body: string | null }) =>
      JSON.stringify({
        action: 'closed',
        issue,
        repository: { name: 'wg-serverless', owner: { login: 'cncf' } },
      });
    const hugeNumber = closed({ number: 2 ** 31, body: null });
    expect(await deliver(hugeNumber, 'issues', sign(hugeNumber))).toBe(202);
    const hugeMarker = closed({ number: 1001, body: '<!-- gavel:item:99999999999 -->' });
    expect(await deliver(hugeMarker, 'issues', sign(hugeMarker))).toBe(200);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a delivery over its 1 MiB limit, signed or not, and changes nothing', async () => {
    const before = await snapshot();
    const body = JSON.stringify({ action: 'closed', padding: 'x'.repeat(BODY_LIMIT_BYTES) });
    const status = await deliver(body, 'issues', sign(body)).catch(() => 'reset' as const);
    expect([413, 'reset']).toContain(status);
    expect(await snapshot()).toBe(before);
  });

  it('afterwards: no unhandled rejection, the app healthy and the database sound', async () => {
    expect(rejections.seen).toEqual([]);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await expectDatabaseInvariants(h);
  });
});
