import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature, slashCommandBody } from '../../src/standins/slackRequests.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  MEMBER,
  SERVERLESS_CHANNEL,
  SIGNING_SECRET,
  startHarness,
} from '../support/gavelHarness.js';
import { watchUnhandledRejections, withConcurrency } from './inputChecks.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const BATCH = 6;
const hex = (n: number) =>
  fc.string({
    unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'),
    minLength: n,
    maxLength: n,
  });

/**
 * How a request is signed. Only `right` with a timestamp at most five minutes old is Slack's;
 * Bolt does not bound timestamps in the future (only the secret's holder can make those).
 */
type Signing =
  | { kind: 'right' }
  | { kind: 'wrong-secret'; secret: string }
  | { kind: 'other-body' }
  | { kind: 'flipped'; at: number }
  | { kind: 'upper' }
  | { kind: 'version'; version: string }
  | { kind: 'arbitrary'; signature: string }
  | { kind: 'missing' };

const signing: fc.Arbitrary<Signing> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'right' as const }) },
  fc.record({ kind: fc.constant('wrong-secret' as const), secret: fc.string({ minLength: 1 }) }),
  fc.constant({ kind: 'other-body' as const }),
  fc.record({ kind: fc.constant('flipped' as const), at: fc.nat({ max: 63 }) }),
  fc.constant({ kind: 'upper' as const }),
  fc.record({
    kind: fc.constant('version' as const),
    version: fc.constantFrom('v1', 'V0', '', 'sha256', 'v0 '),
  }),
  fc.record({
    kind: fc.constant('arbitrary' as const),
    signature: fc.oneof(
      fc.string(),
      hex(64).map((h) => `v0=${h}`),
      fc.constantFrom('v0=', 'v0', '=', 'v0==', `v0=${'0'.repeat(64)}`),
    ),
  }),
  fc.constant({ kind: 'missing' as const }),
);

/** Seconds from now; the band around the five-minute edge is left out so real time cannot flip a case. */
const offset = fc.oneof(
  fc.integer({ min: -290, max: 600 }),
  fc.integer({ min: -10_000_000, max: -310 }),
  fc.constantFrom(-86_400, -301_000, 3_600, 10_000_000),
);
/** Timestamps that are not numbers: always refused, whatever the signature says. */
const junkTimestamp = fc.oneof(
  fc.constantFrom('', 'abc', 'NaN', 'now', '12abc'),
  fc.string().filter((s) => Number.isNaN(Number(s))),
);

const request = fc.record({
  topic: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ''),
  signing,
  timestamp: fc.oneof({ weight: 5, arbitrary: offset }, { weight: 1, arbitrary: junkTimestamp }),
});
type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function signatureFor(r: Request, timestamp: string, body: string): string | undefined {
  const right = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const s = r.signing;
  switch (s.kind) {
    case 'right':
      return right;
    case 'wrong-secret':
      return `v0=${createHmac('sha256', `${SIGNING_SECRET}${s.secret}`).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    case 'other-body':
      return `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}&x=1`).digest('hex')}`;
    case 'flipped': {
      const i = 3 + s.at;
      const c = right[i] === '0' ? '1' : '0';
      return `${right.slice(0, i)}${c}${right.slice(i + 1)}`;
    }
    case 'upper':
      return right.toUpperCase();
    case 'version':
      return `${s.version}=${right.slice(3)}`;
    case 'arbitrary':
      return s.signature;
    case 'missing':
      return undefined;
  }
}

/** What Slack's verification must decide: the exact signature, and not stale. */
const accepted = (r: Request) =>
  r.signing.kind === 'right' && typeof r.timestamp === 'number' && r.timestamp >= -290;

describe.each(ENGINES)('Slack request signatures as a property, on %s', (engine) => {
  let h: GavelHarness;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  let expectedRows = 0;
  beforeAll(async () => {
    rejections = watchUnhandledRejections();
    h = await startHarness({ engine, now: MONDAY_NOON });
  });
  afterAll(async () => {
    rejections.stop();
    await h.stop();
  });

  const send = async (r: Request) => {
    const body = slashCommandBody({
      command: '/agenda',
      text: `add ${r.topic}`,
      userId: MEMBER,
      channelId: SERVERLESS_CHANNEL,
      responseUrl: h.slack.responseUrl(),
      triggerId: 'trigger-signature',
    });
    const timestamp =
      typeof r.timestamp === 'number' ? String(Math.floor(Date.now() / 1000) + r.timestamp) : r.timestamp;
    const signature = signatureFor(r, timestamp, body);
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': timestamp,
        ...(signature === undefined ? {} : { 'x-slack-signature': signature }),
      },
      body,
    });
    await res.text();
    return res.status;
  };
  const agendaCount = async () =>
    (await h.gavel.database.selectFrom('agenda_items').select('id').execute()).length;

  it('answers 401 to 300 requests unless signed exactly right and fresh, and stores only those', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const statuses = await withConcurrency(
          BATCH,
          batch.map((r) => () => send(r)),
        );
        batch.forEach((r, i) => expect(statuses[i]).toBe(accepted(r) ? 200 : 401));
        expectedRows += batch.filter(accepted).length;
        expect(await agendaCount()).toBe(expectedRows);
      }),
      { numRuns: Math.ceil(300 / BATCH), seed: engine === 'sqlite' ? 9_000_001 : 9_000_002 },
    );
    // The property met both sides: accepted requests and refused ones.
    expect(expectedRows).toBeGreaterThan(10);
  }, 60_000);

  it('refuses a correctly signed slash command over 64 KiB and stores nothing', async () => {
    const before = await agendaCount();
    const body = slashCommandBody({
      command: '/agenda',
      text: `add ${'x'.repeat(70 * 1024)}`,
      userId: MEMBER,
      channelId: SERVERLESS_CHANNEL,
      responseUrl: h.slack.responseUrl(),
      triggerId: 'trigger-huge',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const status = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
      body,
    }).then(
      (res) => res.status,
      // The receiver may drop the connection instead of answering: also a refusal.
      () => 'reset' as const,
    );
    expect([413, 'reset']).toContain(status);
    expect(await agendaCount()).toBe(before);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('afterwards: no unhandled rejection and the app healthy', async () => {
    expect(rejections.seen).toEqual([]);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
