import fc from 'fast-check';
import { expect, vi } from 'vitest';
import { characterCount } from '../../src/core/agenda/characters.js';
import type { GavelHarness } from '../support/gavelHarness.js';
import { LEAD, MEMBER, OTHER_MEMBER, SERVERLESS_CHANNEL } from '../support/gavelHarness.js';

/**
 * What the input fuzz suites generate and check: strings people (or attackers) could type,
 * the shape every answer must have, and what the database must look like afterwards.
 */

/** Broadcast pings: a user's text must never make the bot send one. */
export const PINGS = /<!(channel|here|everyone|subteam)/;

const tokens = fc.constantFrom(
  'add',
  'list',
  'remove',
  'move',
  'done',
  'help',
  'cancel',
  'restore',
  'next',
  'notes',
  'edit',
  'reopen',
  'mine',
  'all',
  'by',
  'for',
  'tomorrow',
  'next thursday',
  'next meeting',
  'Dec 7',
  '2026-11-26',
  '2026-12-03',
  '2026-02-30',
  '1999-01-01',
  '9999-12-31',
  '09:00',
  '25:99',
  '#1',
  '1',
  '2',
  '0',
  '-1',
  '1e3',
  '99999999999999999999',
  '@alice',
  '<@U0MEMBER1>',
  '<@U0LEAD001|lead>',
  '<@U0NOBODY>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123|team>',
  '<#C0SERVERLESS|serverless>',
  '<https://example.org|link>',
  '&amp;',
  '&lt;',
  '*bold*',
  '`code`',
  '```',
  '>',
  '\u0000',
  '\u202e',
  '\ufeff',
  '\ud800',
  '🧑‍🤝‍🧑',
  'e\u0301',
  'null',
  'undefined',
  '{"a":1}',
  "'; drop table agenda_items; --",
);
const noise = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u200b') }),
);
const long = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 295, maxLength: 305 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 495, maxLength: 505 }),
  fc.string({ unit: 'grapheme', minLength: 1990, maxLength: 2010 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 3990, maxLength: 4100 }),
);

/** Free text: sentences of command words and noise, noise alone, or very long strings. */
export const userText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(tokens, noise), { maxLength: 8 }).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: noise },
  { weight: 1, arbitrary: long },
);

/** Command text, usually starting with one of the command's words. */
export const commandText = (words: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...words), userText).map(([w, t]) => `${w} ${t}`) },
    { weight: 1, arbitrary: userText },
  );

export const anyUser = fc.constantFrom(LEAD, MEMBER, OTHER_MEMBER, 'U0NOBODY1');
export const anyChannel = fc.constantFrom(
  SERVERLESS_CHANNEL,
  SERVERLESS_CHANNEL,
  SERVERLESS_CHANNEL,
  'C0RANDOM01',
);

/** Runs `tasks` with at most `limit` in flight. */
export async function withConcurrency<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/** A slash command's answer: an empty ack (the answer follows) or an ephemeral/in-channel text. */
export function expectCommandAnswer(res: { status: number; body: unknown }): void {
  expect(res.status).toBe(200);
  if (res.body === undefined) return;
  const body = res.body as { response_type?: unknown; text?: unknown };
  expect(typeof body).toBe('object');
  expect(['ephemeral', 'in_channel']).toContain(body.response_type);
  expect(typeof body.text).toBe('string');
  expect(String(body.text).trim()).not.toBe('');
  expect(String(body.text)).not.toMatch(PINGS);
}

/** Everything the bot said anywhere (acks are checked one by one). */
export function expectNoPingsSent(h: GavelHarness): void {
  for (const m of h.slack.messages()) expect(JSON.stringify(m)).not.toMatch(PINGS);
  for (const r of h.slack.responses) {
    expect(typeof r.body['text']).toBe('string');
    expect(JSON.stringify(r.body)).not.toMatch(PINGS);
  }
}

/** No half-written or out-of-bounds rows, whatever was sent. */
export async function expectDatabaseInvariants(h: GavelHarness): Promise<void> {
  const db = h.db.opened.db;
  const occurrences = await db.selectFrom('occurrences').selectAll().execute();
  const meetings = new Set(occurrences.map((o) => `${o.group_id}|${o.starts_at}`));
  for (const o of occurrences) {
    expect(o.title.trim()).not.toBe('');
    expect(characterCount(o.title)).toBeLessThanOrEqual(100);
    expect(['scheduled', 'cancelled']).toContain(o.status);
  }

  const agenda = await db.selectFrom('agenda_items').selectAll().execute();
  const numbers = new Set(agenda.map((a) => `${a.group_id}|${a.meeting_starts_at}|${a.number}`));
  expect(numbers.size).toBe(agenda.length);
  for (const a of agenda) {
    expect(a.topic.trim()).toBe(a.topic);
    expect(a.topic).not.toBe('');
    expect(characterCount(a.topic)).toBeLessThanOrEqual(300);
    if (a.details !== null) expect(characterCount(a.details)).toBeLessThanOrEqual(2000);
    expect(a.number).toBeGreaterThan(0);
    expect(meetings.has(`${a.group_id}|${a.meeting_starts_at}`)).toBe(true);
  }

  const items = await db.selectFrom('action_items').selectAll().execute();
  const itemNumbers = new Set(items.map((i) => `${i.group_id}|${i.number}`));
  expect(itemNumbers.size).toBe(items.length);
  for (const i of items) {
    expect(i.text.trim()).toBe(i.text);
    expect(i.text).not.toBe('');
    expect(characterCount(i.text)).toBeLessThanOrEqual(500);
    const owners = JSON.parse(i.owners) as unknown;
    expect(Array.isArray(owners)).toBe(true);
    expect((owners as unknown[]).length).toBeGreaterThan(0);
    expect((owners as unknown[]).length).toBeLessThanOrEqual(10);
    for (const o of owners as unknown[]) expect(String(o)).toMatch(/^[UW][A-Z0-9]{2,20}$/);
    expect(['open', 'done']).toContain(i.status);
  }
}

/** Collects unhandled rejections while a suite runs (vitest also fails on them; this names them). */
export function watchUnhandledRejections(): { readonly seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

/**
 * What Slack's stand-in has heard after the acks: the response_url posts (by the id in the
 * URL), the triggers views.open was called with, and the messages posted. Work after an ack
 * ends in one of these (or in a row written), so a test can tell which requests are finished.
 */
export function afterAcks(h: GavelHarness): {
  readonly responded: ReadonlySet<string>;
  readonly opened: ReadonlySet<unknown>;
  readonly posted: number;
} {
  return {
    responded: new Set(h.slack.responses.map((r) => r.id)),
    opened: new Set(h.slack.calls.filter((c) => c.method === 'views.open').map((c) => c.args['trigger_id'])),
    posted: h.slack.callsTo('chat.postMessage').length,
  };
}

/** The id of a response_url made by `h.slack.responseUrl()`, as `afterAcks().responded` holds it. */
export const responseIdOf = (responseUrl: string): string =>
  responseUrl.slice(responseUrl.lastIndexOf('/') + 1);

/** How many action items have their channel message (the announcement's last step keeps its ts). */
export async function announcedItems(h: GavelHarness): Promise<number> {
  const rows = await h.db.opened.db
    .selectFrom('action_items')
    .select('id')
    .where('message_ts', 'is not', null)
    .execute();
  return rows.length;
}

/**
 * Waits until `outstanding` lists nothing: the work the app does after its acks has all been
 * done. It looks again every few milliseconds and fails after `timeoutMs`, showing what is
 * still missing; it never waits longer than the work takes.
 */
export async function untilSettled(
  outstanding: () => Promise<readonly string[]>,
  timeoutMs = 10_000,
): Promise<void> {
  await vi.waitFor(async () => expect(await outstanding()).toEqual([]), { timeout: timeoutMs, interval: 10 });
}
