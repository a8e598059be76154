import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENDA_ACTIONS } from '../../src/core/agenda/agendaListBlocks.js';
import { AGENDA_MODAL } from '../../src/core/agenda/agendaModal.js';
import { REMINDER_ACTIONS } from '../../src/core/reminder/reminderMessage.js';
import { DUE_DM_ACTIONS } from '../../src/core/todo/dueReminder.js';
import { TODO_ACTIONS } from '../../src/core/todo/itemMessage.js';
import { TODO_MODAL } from '../../src/core/todo/todoModal.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';
import {
  afterAcks,
  announcedItems,
  anyChannel,
  anyUser,
  expectDatabaseInvariants,
  expectNoPingsSent,
  PINGS,
  responseIdOf,
  untilSettled,
  userText,
  watchUnhandledRejections,
  withConcurrency,
} from './inputChecks.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
/** The next two Thursdays, 09:00 in Los Angeles: meetings the modals may legitimately name. */
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const BATCH = 6;
const batches = (runs: number) => Math.ceil(runs / BATCH);

const pingText = fc.constantFrom('<!channel>', '<!here> look', 'hey <!everyone>', '<!subteam^S1|t> x');
/** A text field as Slack could send it: typed text, a ping, null or nothing at all. */
const fieldValue: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { weight: 6, arbitrary: userText },
  { weight: 2, arbitrary: pingText },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const dateLike = fc.oneof(
  fc.constantFrom(NOV26, DEC03, '2026-11-19T17:00:00.000Z', '2030-01-01T00:00:00.000Z', '', 'not a date'),
  fc.string(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const validMetadata = JSON.stringify({ groupId: 'serverless', channelId: SERVERLESS_CHANNEL });
/** private_metadata: mostly the right one (to reach the write paths), otherwise anything. */
const metadata: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(validMetadata) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom('', 'null', '[]', '{}', '"serverless"', '{"groupId":null}'),
      fc
        .record({
          groupId: fc.oneof(fc.constantFrom('serverless', 'cf-app-runtime', '__proto__'), fc.string()),
          channelId: fc.oneof(fc.constant(SERVERLESS_CHANNEL), fc.string(), fc.integer()),
          source: fc.option(fc.record({ channelId: fc.string(), ts: fc.oneof(fc.string(), fc.double()) })),
        })
        .map((m) => JSON.stringify(m)),
    ),
  },
);

const envelope = (userId: string) => ({
  team: { id: 'T0GAVEL', domain: 'gavel' },
  user: { id: userId, username: userId, team_id: 'T0GAVEL' },
  api_app_id: 'A0GAVEL',
  token: 'legacy-token',
  trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
});
const modal = (callbackId: string, privateMetadata: string, values: Record<string, unknown>) => ({
  id: 'V0FUZZ',
  type: 'modal',
  team_id: 'T0GAVEL',
  app_id: 'A0GAVEL',
  bot_id: 'B0GAVEL',
  callback_id: callbackId,
  private_metadata: privateMetadata,
  hash: 'h',
  state: { values },
});
/** A plain_text_input's state; an undefined value leaves the key out, as Slack does for empty optionals. */
const input = (value: string | null | undefined) =>
  value === undefined ? { type: 'plain_text_input' } : { type: 'plain_text_input', value };

const agendaSubmission = fc
  .record({
    user: anyUser,
    topic: fieldValue,
    details: fieldValue,
    meeting: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(NOV26, DEC03) }, dateLike, fc.constant(null)),
    metadata,
  })
  .map((r) => ({
    type: 'view_submission',
    ...envelope(r.user),
    view: modal(AGENDA_MODAL.callbackId, r.metadata, {
      [AGENDA_MODAL.topicBlock]: { [AGENDA_MODAL.topicAction]: input(r.topic) },
      [AGENDA_MODAL.detailsBlock]: { [AGENDA_MODAL.detailsAction]: input(r.details) },
      [AGENDA_MODAL.meetingBlock]: {
        [AGENDA_MODAL.meetingAction]: {
          type: 'static_select',
          selected_option:
            r.meeting === null ? null : { text: { type: 'plain_text', text: 'x' }, value: r.meeting },
        },
      },
    }),
  }));

const ownerIds = fc.oneof(
  fc.constantFrom(MEMBER, OTHER_MEMBER, LEAD, 'W0ENTERPRISE1', 'U0NOBODY1'),
  fc.string(),
  fc.constantFrom('<!channel>', 'U', 'u0lower', 'U'.repeat(40)),
);
const todoSubmission = fc
  .record({
    user: anyUser,
    owners: fc.option(fc.array(ownerIds, { maxLength: 14 }), { nil: null }),
    text: fieldValue,
    due: fc.oneof(
      fc.constant(null),
      fc.constantFrom('2026-11-30', '2026-11-23', '2026-11-22', '2026-02-30', '2029-01-01', '9999-12-31'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.string(),
    ),
    metadata,
  })
  .map((r) => ({
    type: 'view_submission',
    ...envelope(r.user),
    view: modal(TODO_MODAL.callbackId, r.metadata, {
      [TODO_MODAL.ownersBlock]: {
        [TODO_MODAL.ownersAction]: { type: 'multi_users_select', selected_users: r.owners },
      },
      [TODO_MODAL.textBlock]: { [TODO_MODAL.textAction]: input(r.text) },
      [TODO_MODAL.dueBlock]: { [TODO_MODAL.dueAction]: { type: 'datepicker', selected_date: r.due } },
    }),
  }));

const actionIds = [
  AGENDA_ACTIONS.markCovered,
  TODO_ACTIONS.markDone,
  REMINDER_ACTIONS.addAgendaItem,
  DUE_DM_ACTIONS.done,
  DUE_DM_ACTIONS.snooze,
] as const;
/** Button values: item ids that exist (the seed made 1 to 6), meeting keys, and anything else. */
const actionValue: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }).map(String) },
  { weight: 2, arbitrary: dateLike.map((d) => `serverless|${d}`) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constantFrom('0', '-1', '1.5', '1e3', 'NaN', '99999999999999999999', '2147483648', '', ' 1'),
      fc.constantFrom('nogroup|2026-11-26T17:00:00.000Z', '|', 'serverless|', '__proto__|x'),
      fc.string(),
      pingText,
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const blockAction = fc
  .record({
    user: anyUser,
    actionId: fc.constantFrom(...actionIds),
    value: actionValue,
    channel: fc.option(anyChannel, { nil: undefined }),
  })
  .map((r) => ({
    type: 'block_actions',
    ...envelope(r.user),
    response_url: `RESPONSE_URL`,
    container: r.channel
      ? { type: 'message', message_ts: '1795600000.000100', channel_id: r.channel, is_ephemeral: false }
      : { type: 'message', message_ts: '1795600000.000100', channel_id: 'D0DIRECT', is_ephemeral: false },
    ...(r.channel ? { channel: { id: r.channel, name: 'channel' } } : {}),
    message: { type: 'message', ts: '1795600000.000100', text: 'x' },
    actions: [
      {
        type: 'button',
        action_id: r.actionId,
        block_id: 'b1',
        ...(r.value === undefined ? {} : { value: r.value }),
        action_ts: '1795600001.000200',
      },
    ],
  }));

/** A view_submission answer: an empty ack (closes the modal) or errors shown in it. */
function expectSubmissionAnswer(res: { status: number; body: unknown }): void {
  expect(res.status).toBe(200);
  if (res.body === undefined) return;
  const body = res.body as { response_action?: unknown; errors?: unknown };
  expect(body.response_action).toBe('errors');
  expect(typeof body.errors).toBe('object');
  const errors = Object.entries(body.errors as Record<string, unknown>);
  expect(errors.length).toBeGreaterThan(0);
  for (const [block, message] of errors) {
    expect(typeof block).toBe('string');
    expect(typeof message).toBe('string');
    expect(String(message).trim()).not.toBe('');
    expect(String(message)).not.toMatch(PINGS);
  }
}

/**
 * Arbitrary modal submissions and button presses, through the real HTTP endpoint: each gets a
 * well-formed answer, nothing crashes, nothing the bot says pings, the database stays sound.
 */
describe.each(ENGINES)('modal submissions and buttons with arbitrary values, on %s', (engine) => {
  let h: GavelHarness;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  const seed = (n: number) => (engine === 'sqlite' ? 8_000_000 + n : 8_100_000 + n);
  beforeAll(async () => {
    rejections = watchUnhandledRejections();
    h = await startHarness({ engine, now: MONDAY_NOON });
    // Items the buttons' ids can hit: agenda items 1-3, action items of each kind of owner.
    for (const topic of ['Seed one', 'Seed two', 'Seed three']) await h.command('/agenda', `add ${topic}`);
    await h.command('/todo', `<@${MEMBER}> Seed item by 2026-11-30`);
    await h.command('/todo', `<@${OTHER_MEMBER}> Another seed`, { userId: LEAD });
    // Three words: one or two with no owner are asked about first (todoConfirm.test.ts).
    await h.command('/todo', 'Lead seed item', { userId: LEAD });
  });
  /** The seeded action items, each announced in the channel after its ack. */
  const SEEDED_ITEMS = 3;
  afterAll(async () => {
    rejections.stop();
    await h.stop();
  });

  /** Button presses, and the modal submissions answered with an empty ack: work follows the ack. */
  const presses: { action: string; value: string | undefined; responseId: string; triggerId: string }[] = [];
  const submitted = { agenda: 0, todo: 0 };
  const send = async (payload: Record<string, unknown>) => {
    const responseUrl = payload['response_url'] === 'RESPONSE_URL' ? h.slack.responseUrl() : undefined;
    const answer = await h.interact(responseUrl ? { ...payload, response_url: responseUrl } : payload);
    const view = payload['view'] as { callback_id: string } | undefined;
    if (responseUrl) {
      const [action] = payload['actions'] as { action_id: string; value?: string }[];
      presses.push({
        action: action!.action_id,
        value: action!.value,
        responseId: responseIdOf(responseUrl),
        triggerId: String(payload['trigger_id']),
      });
    } else if (view && answer.status === 200 && answer.body === undefined) {
      if (view.callback_id === AGENDA_MODAL.callbackId) submitted.agenda += 1;
      if (view.callback_id === TODO_MODAL.callbackId) submitted.todo += 1;
    }
    return answer;
  };

  /**
   * What has not happened yet of the work after the acks. A button answers by response_url or
   * opens a modal, except "Mark done" when it marks the item done: then it says nothing more
   * and its last step is queueing the message's redraw. A submitted modal's item is announced
   * in the channel; an action item then keeps the message's ts (its last step).
   */
  const outstanding = async (): Promise<string[]> => {
    const seen = afterAcks(h);
    const waiting = presses.filter((p) => !seen.responded.has(p.responseId) && !seen.opened.has(p.triggerId));
    const redrawsQueued = new Set(
      (
        await h.db.opened.db
          .selectFrom('jobs')
          .select('key')
          .where('key', 'like', 'todo-message:%:done')
          .execute()
      ).map((j) => Number(j.key.split(':')[1])),
    );
    const quietDone = new Map<number, number>();
    const left: string[] = [];
    for (const p of waiting) {
      const id = Number(p.value);
      if (p.action === TODO_ACTIONS.markDone && Number.isInteger(id) && id > 0) {
        quietDone.set(id, (quietDone.get(id) ?? 0) + 1);
      } else {
        left.push(`${p.action} ${JSON.stringify(p.value?.slice(0, 40))}: no answer yet`);
      }
    }
    for (const [id, n] of quietDone) {
      if (n > 1 || !redrawsQueued.has(id)) left.push(`${n} "Mark done" on item ${id}: no answer yet`);
    }
    const announcements = SEEDED_ITEMS + submitted.agenda + submitted.todo;
    if (seen.posted < announcements) left.push(`${announcements - seen.posted} items not yet announced`);
    const kept = await announcedItems(h);
    if (kept < SEEDED_ITEMS + submitted.todo) {
      left.push(`${SEEDED_ITEMS + submitted.todo - kept} action items do not yet keep their message`);
    }
    return left;
  };

  it('answers 300 agenda modal submissions with an empty ack or errors in the form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(agendaSubmission, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map((p) => () => send(p)),
        );
        answers.forEach(expectSubmissionAnswer);
      }),
      { numRuns: batches(300), seed: seed(1) },
    );
  }, 60_000);

  it('answers 300 action item modal submissions with an empty ack or errors in the form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(todoSubmission, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map((p) => () => send(p)),
        );
        answers.forEach(expectSubmissionAnswer);
      }),
      { numRuns: batches(300), seed: seed(2) },
    );
  }, 60_000);

  it('acks 400 button presses with arbitrary values at once and with nothing in the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(blockAction, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await withConcurrency(
          BATCH,
          batch.map((p) => () => send(p)),
        );
        for (const a of answers) {
          expect(a.status).toBe(200);
          expect(a.body).toBeUndefined();
        }
      }),
      { numRuns: batches(400), seed: seed(3) },
    );
  }, 60_000);

  it('afterwards: no unhandled rejection, no ping sent, the app healthy and the database sound', async () => {
    await untilSettled(outstanding);
    expect(rejections.seen).toEqual([]);
    expectNoPingsSent(h);
    for (const call of h.slack.calls) expect(JSON.stringify(call.args)).not.toMatch(PINGS);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await expectDatabaseInvariants(h);
    // The fuzz reached the write paths, not just the refusals.
    const db = h.db.opened.db;
    const agenda = await db.selectFrom('agenda_items').selectAll().execute();
    expect(agenda.length).toBeGreaterThan(3 + 20);
    expect(agenda.some((a) => a.status === 'covered')).toBe(true);
    const items = await db.selectFrom('action_items').selectAll().execute();
    expect(items.length).toBeGreaterThan(3 + 20);
    expect(items.some((i) => i.status === 'done')).toBe(true);
  });
});
