import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, SIGNING_SECRET, startHarness } from '../support/gavelHarness.js';
import { sendSlashCommand } from '../../src/standins/slackRequests.js';
import {
  afterAcks,
  announcedItems,
  anyChannel,
  anyUser,
  commandText,
  expectCommandAnswer,
  expectDatabaseInvariants,
  expectNoPingsSent,
  responseIdOf,
  untilSettled,
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

  /** The commands answered with an empty ack: their answer comes after it. */
  const answerFollows: { command: string; text: string; responseId: string; triggerId: string }[] = [];
  const fuzz = async (command: string, words: readonly string[], runs: number) => {
    const request = fc.record({ text: commandText(words), user: anyUser, channel: anyChannel });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map((r) => async () => {
            const sent = {
              command,
              text: r.text,
              userId: r.user,
              channelId: r.channel,
              responseUrl: h.slack.responseUrl(),
              triggerId: `trigger-${Math.random().toString(36).slice(2)}`,
            };
            const answer = await sendSlashCommand(h.url, SIGNING_SECRET, sent);
            if (answer.status === 200 && answer.body === undefined) {
              answerFollows.push({
                command,
                text: r.text,
                responseId: responseIdOf(sent.responseUrl),
                triggerId: sent.triggerId,
              });
            }
            return answer;
          }),
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
    // An empty ack is followed by the answer: a modal (views.open), an answer by response_url,
    // or a new item's announcement in the channel, whose ts the item keeps (its last step).
    await untilSettled(async () => {
      const seen = afterAcks(h);
      const waiting = answerFollows.filter(
        (r) => !seen.opened.has(r.triggerId) && !seen.responded.has(r.responseId),
      );
      const announcements = waiting.filter((r) => r.command === '/todo').length;
      const announced = await announcedItems(h);
      return [
        ...waiting
          .filter((r) => r.command !== '/todo')
          .map((r) => `${r.command} ${JSON.stringify(r.text.slice(0, 40))}: no answer yet`),
        ...(announced < announcements ? [`${announcements - announced} /todo items not yet announced`] : []),
      ];
    });
    expect(rejections.seen).toEqual([]);
    expectNoPingsSent(h);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await expectDatabaseInvariants(h);
    // The fuzz did reach the write paths, not just the refusals.
    const db = h.db.opened.db;
    expect((await db.selectFrom('agenda_items').select('id').execute()).length).toBeGreaterThan(25);
    expect((await db.selectFrom('action_items').select('id').execute()).length).toBeGreaterThan(25);
  });
});
