import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENDA_ACTIONS } from '../../src/core/agenda/agendaListBlocks.js';
import { AGENDA_MODAL } from '../../src/core/agenda/agendaModal.js';
import { REMINDER_ACTIONS } from '../../src/core/reminder/reminderMessage.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';

// Thursday 26 Nov 2026, 09:00–10:00 America/Los_Angeles (PST) = 17:00–18:00 UTC.
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

interface Ack {
  response_type?: string;
  text?: string;
  blocks?: unknown[];
  response_action?: string;
  errors?: Record<string, string>;
}

describe.each(ENGINES)('the agenda on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const start = async (groupsYaml = SERVERLESS_YAML) => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml });
  };
  const agenda = async (text: string, userId = MEMBER): Promise<Ack> => {
    const res = await h.command('/agenda', text, { userId });
    expect(res.status).toBe(200);
    return res.body as Ack;
  };
  const items = (meeting: string) =>
    h.db.opened.db
      .selectFrom('agenda_items')
      .selectAll()
      .where('group_id', '=', 'serverless')
      .where('meeting_starts_at', '=', meeting)
      .orderBy('number')
      .execute();
  const viewsOpened = () =>
    h.slack
      .callsTo('views.open')
      .map((c) => c as unknown as { trigger_id: string; view: Record<string, unknown> });
  const blockAction = (actionId: string, value: string, userId: string, triggerId: string) => ({
    type: 'block_actions',
    team: { id: 'T0GAVEL', domain: 'gavel' },
    user: { id: userId, username: userId, team_id: 'T0GAVEL' },
    api_app_id: 'A0GAVEL',
    token: 'legacy-token',
    trigger_id: triggerId,
    response_url: h.slack.responseUrl(`action-${triggerId}`),
    container: {
      type: 'message',
      message_ts: '1795600000.000100',
      channel_id: SERVERLESS_CHANNEL,
      is_ephemeral: false,
    },
    channel: { id: SERVERLESS_CHANNEL, name: 'serverless' },
    message: { type: 'message', ts: '1795600000.000100', text: 'Reminder' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1795600001.000200' }],
  });
  const submission = (
    userId: string,
    values: { topic: string | null; details: string | null; meeting: string | null },
    metadata = { groupId: 'serverless', channelId: SERVERLESS_CHANNEL },
  ) => ({
    type: 'view_submission',
    team: { id: 'T0GAVEL', domain: 'gavel' },
    user: { id: userId, username: userId, team_id: 'T0GAVEL' },
    api_app_id: 'A0GAVEL',
    token: 'legacy-token',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V0AGENDA',
      type: 'modal',
      team_id: 'T0GAVEL',
      app_id: 'A0GAVEL',
      bot_id: 'B0GAVEL',
      callback_id: AGENDA_MODAL.callbackId,
      private_metadata: JSON.stringify(metadata),
      hash: 'h',
      state: {
        values: {
          [AGENDA_MODAL.topicBlock]: {
            [AGENDA_MODAL.topicAction]: { type: 'plain_text_input', value: values.topic },
          },
          [AGENDA_MODAL.detailsBlock]: {
            [AGENDA_MODAL.detailsAction]: { type: 'plain_text_input', value: values.details },
          },
          [AGENDA_MODAL.meetingBlock]: {
            [AGENDA_MODAL.meetingAction]: {
              type: 'static_select',
              selected_option: values.meeting
                ? { text: { type: 'plain_text', text: 'x' }, value: values.meeting }
                : null,
            },
          },
        },
      },
    },
  });

  it('adds numbered items in the channel, lists them, and targets a later meeting by date', async () => {
    await start();
    expect(await agenda('add Discuss CloudEvents 2.0')).toEqual({
      response_type: 'in_channel',
      text: '<@U0MEMBER1> added #1 to the agenda of Thu 26 Nov: Discuss CloudEvents 2.0',
    });
    expect((await agenda('add 🚀 議題：仕様 مراجعة المواصفات', OTHER_MEMBER)).text).toBe(
      '<@U0MEMBER2> added #2 to the agenda of Thu 26 Nov: 🚀 議題：仕様 مراجعة المواصفات',
    );
    expect((await agenda('add Spec review for 2026-12-03')).text).toContain(
      'added #1 to the agenda of Thu 3 Dec',
    );

    const refused = await agenda('add Topic for 2026-11-27');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toBe(
      ':warning: There is no meeting on 2026-11-27. Upcoming meetings: 2026-11-26, 2026-12-03, 2026-12-10, 2026-12-17.',
    );
    expect((await agenda(`add ${'x'.repeat(301)}`)).text).toContain('the limit is 300');

    const list = await agenda('list');
    expect(list.response_type).toBe('ephemeral');
    expect(list.text).toContain('*Agenda of Thu 26 Nov*');
    expect(list.text).toContain('1. Discuss CloudEvents 2.0 — <@U0MEMBER1>');
    expect(list.text).toContain('2. 🚀 議題：仕様 مراجعة المواصفات — <@U0MEMBER2>');
    expect((await agenda('list 2026-12-03')).text).toContain('1. Spec review — <@U0MEMBER1>');

    const stored = await items(NOV26);
    expect(stored.map((i) => [i.number, i.topic, i.author_id, i.status])).toEqual([
      [1, 'Discuss CloudEvents 2.0', MEMBER, 'open'],
      [2, '🚀 議題：仕様 مراجعة المواصفات', OTHER_MEMBER, 'open'],
    ]);
  });

  it('lets the author or a lead remove an item, and refuses anyone else', async () => {
    await start();
    await agenda('add First');
    await agenda('add Second');
    const refused = await agenda('remove 1', OTHER_MEMBER);
    expect(refused).toMatchObject({ response_type: 'ephemeral' });
    expect(refused.text).toContain('Only its author (<@U0MEMBER1>) or a lead can remove #1');
    expect(await items(NOV26)).toHaveLength(2);

    expect(await agenda('remove 1')).toEqual({
      response_type: 'in_channel',
      text: '<@U0MEMBER1> removed #1 from the agenda of Thu 26 Nov: First',
    });
    expect((await agenda('remove #2', LEAD)).text).toContain('<@U0LEAD001> removed #2');
    expect(await items(NOV26)).toEqual([]);
    expect((await agenda('remove 2')).text).toContain('There is no item #2 on the agenda of Thu 26 Nov');
  });

  it('moves an item to another meeting and lets only a lead mark one covered', async () => {
    await start();
    await agenda('add Already on 3 Dec for 2026-12-03');
    await agenda('add Move me');
    await agenda('add Cover me');
    expect((await agenda('move 1 2026-12-03', OTHER_MEMBER)).text).toContain('Only its author');
    expect(await agenda('move 1 2026-12-03')).toEqual({
      response_type: 'in_channel',
      text: '<@U0MEMBER1> moved #1 from Thu 26 Nov to Thu 3 Dec (now #2): Move me',
    });
    expect((await items(DEC03)).map((i) => i.topic)).toEqual(['Already on 3 Dec', 'Move me']);

    expect((await agenda('done 2')).text).toContain('Only a lead (<@U0LEAD001>) can mark items covered');
    expect(await agenda('done 2', LEAD)).toEqual({
      response_type: 'ephemeral',
      text: ':white_check_mark: Marked #2 of Thu 26 Nov covered: Cover me',
    });
    expect((await items(NOV26)).map((i) => i.status)).toEqual(['covered']);
  });

  it('gives a lead a "Covered" button in the list that updates the list in place', async () => {
    await start();
    await agenda('add Button me');
    const list = await agenda('list', LEAD);
    expect(JSON.stringify(list.blocks)).toContain(AGENDA_ACTIONS.markCovered);
    const [item] = await items(NOV26);
    const res = await h.interact(
      blockAction(AGENDA_ACTIONS.markCovered, String(item!.id), LEAD, 'trigger-covered'),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(async () => expect((await items(NOV26))[0]?.status).toBe('covered'));
    await vi.waitFor(() =>
      expect(JSON.stringify(h.slack.responses)).toContain(':white_check_mark: Button me'),
    );
  });

  it('answers help and unknown sub-commands with the usage', async () => {
    await start();
    expect((await agenda('help')).text).toContain('/agenda add <topic>');
    const unknown = await agenda('frobnicate');
    expect(unknown.response_type).toBe('ephemeral');
    expect(unknown.text).toMatch(/^`frobnicate` is not an agenda command\.\n\*\/agenda\*/);
  });

  it('opens the form for /agenda alone, offering the upcoming meetings', async () => {
    await start();
    const res = await h.command('/agenda', '');
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(viewsOpened()).toHaveLength(1));
    const [opened] = viewsOpened();
    expect(opened?.trigger_id).toMatch(/^trigger-/);
    expect(opened?.view['callback_id']).toBe(AGENDA_MODAL.callbackId);
    expect(JSON.parse(String(opened?.view['private_metadata']))).toEqual({
      groupId: 'serverless',
      channelId: SERVERLESS_CHANNEL,
    });
    expect(JSON.stringify(opened?.view)).toContain(`"value":"${NOV26}"`);
  });

  it('opens the form from the reminder’s button with that meeting chosen, and adds from it', async () => {
    await start();
    h.clock.set(at(NOV26, -24 * 60));
    await h.gavel.tick();
    const reminder = h.slack.messages().find((m) => String(m['text']).startsWith('Reminder:'));
    const button = JSON.stringify(reminder?.['blocks']).match(/"value":"(serverless\|[^"]+)"/)?.[1];
    expect(button).toBe(`serverless|${NOV26}`);

    const res = await h.interact(
      blockAction(REMINDER_ACTIONS.addAgendaItem, button!, OTHER_MEMBER, 'trigger-reminder'),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(viewsOpened()).toHaveLength(1));
    const [opened] = viewsOpened();
    expect(opened?.trigger_id).toBe('trigger-reminder');
    expect(JSON.stringify(opened?.view)).toContain(
      `"initial_option":{"text":{"type":"plain_text","text":"Thu 26 Nov 2026`,
    );

    const added = await h.interact(
      submission(OTHER_MEMBER, {
        topic: 'From the form',
        details: 'see https://github.com/cncf/wg-serverless/pull/1',
        meeting: NOV26,
      }),
    );
    expect(added.status).toBe(200);
    expect(added.body).toBeFalsy();
    await vi.waitFor(() =>
      expect(h.slack.messages().map((m) => m['text'])).toContain(
        '<@U0MEMBER2> added #1 to the agenda of Thu 26 Nov: From the form\n>see https://github.com/cncf/wg-serverless/pull/1',
      ),
    );
    expect((await items(NOV26)).map((i) => [i.topic, i.details])).toEqual([
      ['From the form', 'see https://github.com/cncf/wg-serverless/pull/1'],
    ]);
  });

  it('shows the form’s validation errors in the form and saves nothing', async () => {
    await start();
    const res = await h.interact(
      submission(MEMBER, { topic: '   ', details: 'd'.repeat(2001), meeting: NOV26 }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      response_action: 'errors',
      errors: {
        [AGENDA_MODAL.topicBlock]: 'Say what the topic is.',
        [AGENDA_MODAL.detailsBlock]: 'The details are 2001 characters; the limit is 2000.',
      },
    });
    h.clock.set(at(NOV26, 5));
    const late = await h.interact(submission(MEMBER, { topic: 'Too late', details: null, meeting: NOV26 }));
    expect((late.body as Ack).errors).toEqual({
      [AGENDA_MODAL.meetingBlock]: 'That meeting has started or was cancelled. Choose another one.',
    });
    expect(await items(NOV26)).toEqual([]);
  });

  it('numbers 30 simultaneous adds 1 to 30 without losing one', async () => {
    await start();
    const users = [MEMBER, OTHER_MEMBER, LEAD];
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => agenda(`add Parallel topic ${i}`, users[i % users.length])),
    );
    const numbers = replies.map((r) => Number(/added #(\d+)/.exec(r.text ?? '')?.[1]));
    expect(new Set(numbers).size).toBe(30);
    expect((await items(NOV26)).map((i) => i.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('never lets a topic ping: escaped in the reply and in the reminder, links kept', async () => {
    await start();
    const topic = '<!channel> <!here> <@U0LEAD001> & <https://github.com/cncf/wg-serverless/pull/1|the PR>';
    const reply = await agenda(`add ${topic}`);
    const escaped =
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U0LEAD001&gt; &amp; <https://github.com/cncf/wg-serverless/pull/1|the PR>';
    expect(reply.text).toBe(`<@U0MEMBER1> added #1 to the agenda of Thu 26 Nov: ${escaped}`);
    expect((await items(NOV26))[0]?.topic).toBe(topic);

    h.clock.set(at(NOV26, -10));
    await h.gavel.tick();
    const reminder = h.slack.messages().find((m) => String(m['text']).startsWith('Reminder:'));
    const blocks = JSON.stringify(reminder?.['blocks']);
    expect(blocks).toContain(JSON.stringify(`1. ${escaped}`).slice(1, -1));
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<!here>');
  });

  it('during a meeting adds to that meeting, the one the list shows, and says so; for <date> reaches the next', async () => {
    await start();
    h.clock.set(at(NOV26, 10));
    const added = await agenda('add Raised in the call');
    expect(added.response_type).toBe('in_channel');
    expect(added.text).toBe(
      '<@U0MEMBER1> added #1 to the agenda of Thu 26 Nov (in progress): Raised in the call',
    );
    expect((await items(NOV26)).map((i) => i.topic)).toEqual(['Raised in the call']);
    expect(await items(DEC03)).toEqual([]);
    const listed = (await agenda('list')).text ?? '';
    expect(listed).toContain('*Agenda of Thu 26 Nov*');
    expect(listed).toContain('1. Raised in the call');

    const later = await agenda('add For next week for 2026-12-03');
    expect(later.text).toBe('<@U0MEMBER1> added #1 to the agenda of Thu 3 Dec: For next week');
    const today = await agenda('add Also now for 2026-11-26');
    expect(today.text).toContain('added #2 to the agenda of Thu 26 Nov (in progress)');
    expect((await items(DEC03)).map((i) => i.topic)).toEqual(['For next week']);

    // Once it has ended, the next meeting.
    h.clock.set(at(NOV26, 60));
    expect((await agenda('add After the call')).text).toContain('to the agenda of Thu 3 Dec: After the call');
    expect((await agenda('add Too late for 2026-11-26')).text).toContain(
      'The meeting of Thu 26 Nov has already ended.',
    );
  });

  it('rolls items not covered over to the next meeting when a meeting ends, once', async () => {
    await start();
    await agenda('add Waiting on 3 Dec for 2026-12-03');
    await agenda('add Not reached');
    await agenda('add Covered');
    await agenda('add Also not reached');
    await agenda('done 2', LEAD);

    // Re-planning during the meeting (hourly, or after a /meeting command) must not cancel it.
    h.clock.set(at(NOV26, 30));
    await h.gavel.replanAll();
    h.clock.set(at(NOV26, 59));
    await h.gavel.tick();
    expect(await items(DEC03)).toHaveLength(1);

    h.clock.set(at(NOV26, 60));
    await h.gavel.tick();
    expect((await items(DEC03)).map((i) => [i.number, i.topic, i.rolled_from])).toEqual([
      [1, 'Waiting on 3 Dec', null],
      [2, 'Not reached', NOV26],
      [3, 'Also not reached', NOV26],
    ]);
    expect((await items(NOV26)).map((i) => [i.topic, i.status])).toEqual([['Covered', 'covered']]);
    expect((await agenda('list')).text).toContain(
      '2. Not reached — <@U0MEMBER1> _(carried over from Thu 26 Nov)_',
    );

    h.clock.set(at(NOV26, 120));
    await h.gavel.tick();
    expect(await items(DEC03)).toHaveLength(3);
  });

  it('drops items not covered when the group says so', async () => {
    await start(
      SERVERLESS_YAML.replace(
        '    reminders: [24h, 10m]',
        '    reminders: [24h, 10m]\n    agenda:\n      rollover: drop',
      ),
    );
    await agenda('add Not reached');
    h.clock.set(at(NOV26, 61));
    await h.gavel.tick();
    expect((await items(NOV26)).map((i) => i.status)).toEqual(['dropped']);
    expect(await items(DEC03)).toEqual([]);
  });
});
