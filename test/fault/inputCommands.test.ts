import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, SIGNING_SECRET, startHarness } from '../support/gavelHarness.js';
import { sendSlashCommand } from '../../src/standins/slackRequests.js';
import {
  anyChannel,
  anyUser,
  commandText,
  expectCommandAnswer,
  expectDatabaseInvariants,
  expectNoPingsSent,
  watchUnhandledRejections,
  withConcurrency,
} from './inputChecks.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
/** Requests in flight at once: enough to overlap work, few enough for two shared cores. */
const BATCH = 6;
/** The runs are shared out over the engines (different seeds): the totals are what the issue asks. */
const share = (total: number) => Math.ceil(total / ENGINES.length);

/**
 * Thousands of arbitrary command texts, from every kind of user and channel, through the real
 * HTTP endpoint: each gets a well-formed answer, nothing crashes, the database stays sound.
 */
describe.each(ENGINES)('slash commands with arbitrary text, on %s', (engine) => {
  let h: GavelHarness;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeAll(async () => {
    rejections = watchUnhandledRejections();
    h = await startHarness({ engine, now: MONDAY_NOON });
  });
  afterAll(async () => {
    rejections.stop();
    await h.stop();
  });

  const fuzz = async (command: string, words: readonly string[], runs: number) => {
    const request = fc.record({ text: commandText(words), user: anyUser, channel: anyChannel });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map(
            (r) => () =>
              sendSlashCommand(h.url, SIGNING_SECRET, {
                command,
                text: r.text,
                userId: r.user,
                channelId: r.channel,
                responseUrl: h.slack.responseUrl(),
                triggerId: `trigger-${Math.random().toString(36).slice(2)}`,
              }),
          ),
        );
        answers.forEach(expectCommandAnswer);
      }),
      { numRuns: Math.ceil(share(runs) / BATCH), seed: engine === 'sqlite' ? 7_000_001 : 7_000_002 },
    );
  };

  it('/agenda: 2000 texts over the engines', async () => {
    await fuzz('/agenda', ['add', 'list', 'remove', 'move', 'done', 'help'], 2000);
  }, 120_000);

  it('/todo: 2000 texts over the engines', async () => {
    await fuzz('/todo', ['list', 'done', 'reopen', 'edit', 'help', '<@U0MEMBER1>', '<@U0LEAD001>'], 2000);
  }, 120_000);

  it('/meeting: 500 texts over the engines', async () => {
    await fuzz('/meeting', ['next', 'notes', 'cancel', 'restore', 'add', 'help'], 500);
  }, 60_000);

  it('afterwards: no unhandled rejection, no ping sent, the app healthy and the database sound', async () => {
    // Deferred answers (the /todo announcements) finish after their acks.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rejections.seen).toEqual([]);
    expectNoPingsSent(h);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await expectDatabaseInvariants(h);
    // The fuzz did reach the write paths, not just the refusals.
    const db = h.gavel.services.db;
    expect((await db.selectFrom('agenda_items').select('id').execute()).length).toBeGreaterThan(25);
    expect((await db.selectFrom('action_items').select('id').execute()).length).toBeGreaterThan(25);
  });
});
