import { afterEach, describe, expect, it, vi } from 'vitest';
import { DUE_DM_ACTIONS } from '../../src/core/todo/dueReminder.js';
import { TODO_ACTIONS } from '../../src/core/todo/itemMessage.js';
import { TODO_MODAL } from '../../src/core/todo/todoModal.js';
import { MAKE_ACTION_ITEM_SHORTCUT } from '../../src/slack/todo/registerTodo.js';
import type { SlackArgs } from '../../src/standins/slackApiServer.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

// Monday 23 Nov 2026, 04:00 in Los Angeles (the group's zone); the weekly call is Thursday
// 26 Nov, 09:00–10:00 PST = 17:00–18:00 UTC.
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const NOV26 = '2026-11-26T17:00:00.000Z';
const STRANGER = 'U0STRANGER';

/** The groups file without GitHub: these tests are about Slack. */
const NO_GITHUB_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - title: Weekly call
        day: thursday
        time: "09:00"
        duration: 1h
    reminders: [24h]
`;

interface Ack {
  response_type?: string;
  text?: string;
  response_action?: string;
  errors?: Record<string, string>;
}

describe.each(ENGINES)('action items in Slack on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const start = async (now = MONDAY_NOON) => {
    h = await startHarness({ engine, now, groupsYaml: NO_GITHUB_YAML });
  };
  const todo = async (text: string, userId = MEMBER): Promise<Ack> => {
    const res = await h.command('/todo', text, { userId });
    expect(res.status).toBe(200);
    return res.body ?? {};
  };
  const items = () =>
    h.db.opened.db
      .selectFrom('action_items')
      .selectAll()
      .where('group_id', '=', 'serverless')
      .orderBy('number')
      .execute();
  const item = async (number: number) => (await items()).find((i) => i.number === number);
  const channelPosts = () =>
    h.slack
      .callsTo('chat.postMessage')
      .filter((m) => m['channel'] === SERVERLESS_CHANNEL && !m['thread_ts'])
      .map((m) => String(m['text']));
  /** Records an item and waits for its announcement (posted right after the ack). */
  const record = async (text: string, userId = MEMBER): Promise<string> => {
    const before = channelPosts().length;
    const ack = await todo(text, userId);
    expect(ack.text ?? '').toBe('');
    await vi.waitFor(() => expect(channelPosts().length).toBe(before + 1));
    await vi.waitFor(async () => expect((await items()).every((i) => i.message_ts !== null)).toBe(true));
    return channelPosts().at(-1)!;
  };
  const refusal = async (text: string, userId = MEMBER): Promise<string> => {
    const ack = await todo(text, userId);
    expect(ack.response_type).toBe('ephemeral');
    return ack.text ?? '';
  };
  const button = (actionId: string, value: string, userId: string, channel = SERVERLESS_CHANNEL) => ({
    type: 'block_actions',
    team: { id: 'T0GAVEL', domain: 'gavel' },
    user: { id: userId, username: userId, team_id: 'T0GAVEL' },
    api_app_id: 'A0GAVEL',
    token: 'legacy-token',
    trigger_id: `trigger-${actionId}-${userId}`,
    response_url: h.slack.responseUrl(`action-${actionId}-${userId}-${Date.now()}`),
    container: { type: 'message', message_ts: '1795600000.000100', channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'serverless' },
    message: { type: 'message', ts: '1795600000.000100', text: 'Action item' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1795600001.000200' }],
  });
  const submission = (
    userId: string,
    values: { owners: string[]; text: string | null; due: string | null },
    metadata: Record<string, unknown> = { groupId: 'serverless', channelId: SERVERLESS_CHANNEL },
  ) => ({
    type: 'view_submission',
    team: { id: 'T0GAVEL', domain: 'gavel' },
    user: { id: userId, username: userId, team_id: 'T0GAVEL' },
    api_app_id: 'A0GAVEL',
    token: 'legacy-token',
    trigger_id: 'trigger-submit',
    view: {
      id: 'V0TODO',
      type: 'modal',
      team_id: 'T0GAVEL',
      app_id: 'A0GAVEL',
      bot_id: 'B0GAVEL',
      callback_id: TODO_MODAL.callbackId,
      private_metadata: JSON.stringify(metadata),
      hash: 'h',
      state: {
        values: {
          [TODO_MODAL.ownersBlock]: {
            [TODO_MODAL.ownersAction]: { type: 'multi_users_select', selected_users: values.owners },
          },
          [TODO_MODAL.textBlock]: {
            [TODO_MODAL.textAction]: { type: 'plain_text_input', value: values.text },
          },
          [TODO_MODAL.dueBlock]: {
            [TODO_MODAL.dueAction]: { type: 'datepicker', selected_date: values.due },
          },
        },
      },
    },
  });
  const messageOf = (ts: string | null) => h.slack.messages().find((m) => m['ts'] === ts);
  const responsesSaying = (fragment: string) =>
    h.slack.responses.filter((r) => String(r.body['text']).includes(fragment));

  it('records an item with owners and a due date and says so in the channel', async () => {
    await start();
    expect(await record(`<@${MEMBER}|alice> Write the blog post by Dec 7`)).toBe(
      'Action item #1 for <@U0MEMBER1>: Write the blog post (due Mon Dec 7)',
    );
    expect(await record(`<@${MEMBER}> <@${OTHER_MEMBER}|bob> Review the spec by 2026-12-07`)).toBe(
      'Action item #2 for <@U0MEMBER1> and <@U0MEMBER2>: Review the spec (due Mon Dec 7)',
    );
    // No mention: the author owns it. No `by`: no due date.
    expect(await record('Book the room', LEAD)).toBe('Action item #3 for <@U0LEAD001>: Book the room');

    const stored = await items();
    expect(
      stored.map((i) => [i.number, JSON.parse(i.owners) as string[], i.text, i.due_date, i.author_id]),
    ).toEqual([
      [1, [MEMBER], 'Write the blog post', '2026-12-07', MEMBER],
      [2, [MEMBER, OTHER_MEMBER], 'Review the spec', '2026-12-07', MEMBER],
      [3, [LEAD], 'Book the room', null, LEAD],
    ]);
    const [posted] = h.slack.messages();
    expect(JSON.stringify(posted?.['blocks'])).toContain(TODO_ACTIONS.markDone);
    expect(stored[0]?.message_ts).toBe(posted?.['ts']);
  });

  it('reads `by <when>` in the group’s time zone and refuses what it cannot read', async () => {
    // Monday 23 Nov, 22:00 in Los Angeles: already Tuesday in UTC.
    await start('2026-11-24T06:00:00.000Z');
    const cases: [string, string][] = [
      ['today', '2026-11-23'],
      ['tomorrow', '2026-11-24'],
      ['thursday', '2026-11-26'],
      // Next week's Thursday, not the one three days away.
      ['next thursday', '2026-12-03'],
      ['next meeting', '2026-11-26'],
      ['Dec 7', '2026-12-07'],
      ['2027-03-01', '2027-03-01'],
    ];
    for (const [when, due] of cases) {
      await record(`Task due ${when} by ${when}`);
      expect((await items()).at(-1)?.due_date, when).toBe(due);
    }
    // `by` followed by words that are no date stays part of the text.
    await record('Ask the TOC by email');
    expect((await items()).at(-1)).toMatchObject({ text: 'Ask the TOC by email', due_date: null });

    expect(await refusal('Draft by 12/7')).toContain('`12/7` could be Dec 7 or Jul 12');
    expect(await refusal('Draft by 2026-11-01')).toContain('is in the past');
    expect(await refusal('Draft by 2029-01-01')).toContain(
      '`2029-01-01` is more than 2 years away; the latest due date is 2028-11-23',
    );
    expect(await refusal('Draft by 2026-02-30')).toContain('is not a day of the calendar');
    expect(await refusal('Draft by friday the 13th')).toContain('I could not read');
    expect(await items()).toHaveLength(cases.length + 1);
  });

  it('bounds owners and text, and never lets echoed text ping anyone', async () => {
    await start();
    const eleven = Array.from({ length: 11 }, (_, i) => `<@U0OWNER${String(i).padStart(2, '0')}>`).join(' ');
    expect(await refusal(`${eleven} Too many cooks`)).toContain('at most 10 owners (this one names 11)');
    const ten = Array.from({ length: 10 }, (_, i) => `<@U0OWNER${String(i).padStart(2, '0')}>`).join(' ');
    await record(`${ten} Enough cooks`);
    expect(JSON.parse((await item(1))!.owners)).toHaveLength(10);

    expect(await refusal('@alice Write it')).toContain('`@alice` is not a Slack mention');
    expect(await refusal(`<@${MEMBER}>`)).toContain('Say what needs doing');
    expect(await refusal('x'.repeat(501))).toContain('501 characters; the limit is 500');
    // One word and no owner would be asked about first (todoConfirm.test.ts): name the owner.
    await record(`<@${MEMBER}> ${'y'.repeat(500)}`);
    expect((await item(2))?.text).toHaveLength(500);

    const posted = await record('Tell <!channel> & <!here> about <@U0LEAD001> <https://x.test|this>');
    expect(posted).not.toMatch(/<!channel>|<!here>|<@U0LEAD001>/);
    expect(posted).toContain('Tell &lt;!channel&gt; &amp; &lt;!here&gt;');
    expect(await items()).toHaveLength(3);
  });

  it('belongs to the running meeting (until 30 minutes after it ends), else the last one', async () => {
    await start();
    await record('Before any meeting');
    h.clock.set('2026-11-26T17:20:00.000Z');
    await record('During the call');
    h.clock.set('2026-11-26T18:25:00.000Z');
    await record('While writing up');
    h.clock.set('2026-11-27T12:00:00.000Z');
    await record('The day after');
    expect((await items()).map((i) => i.meeting_starts_at)).toEqual([null, NOV26, NOV26, NOV26]);
  });

  it('lists the group’s items grouped by owner, overdue first, only to the person who asked', async () => {
    await start();
    await record(`<@${OTHER_MEMBER}> Later task by Dec 7`);
    await record(`<@${OTHER_MEMBER}> <@${MEMBER}> Soon task by tomorrow`);
    await record(`<@${MEMBER}> Undated task`);
    h.clock.set('2026-11-30T20:00:00.000Z');

    const list = await todo('list');
    expect(list.response_type).toBe('ephemeral');
    const lines = (list.text ?? '').split('\n');
    expect(lines[0]).toBe('*Open action items* — CNCF Serverless WG');
    // Within each owner overdue comes first; owners whose soonest item is due first lead.
    expect(lines.slice(1)).toEqual([
      '*<@U0MEMBER1>*',
      '• #2 Soon task — due Tue Nov 24 · *overdue*',
      '• #3 Undated task',
      '*<@U0MEMBER2>*',
      '• #2 Soon task — due Tue Nov 24 · *overdue*',
      '• #1 Later task — due Mon Dec 7',
    ]);
    expect((await todo('list mine', OTHER_MEMBER)).text).toContain('*Your open action items*');
    expect((await todo('list mine', OTHER_MEMBER)).text).not.toContain('Undated task');
    expect((await todo(`list <@${MEMBER}|alice>`)).text).not.toContain('Later task');
    expect((await todo('list done')).text).toContain('Nothing is marked done yet.');
    expect((await todo('list sideways')).text).toContain('Use `/todo list`');
  });

  it('lets an owner, the author or a lead mark done, reopen and edit, and no one else', async () => {
    await start();
    await record(`<@${OTHER_MEMBER}> Ship the release`);

    expect(await refusal('done 1', STRANGER)).toContain(
      'Only an owner of #1 (<@U0MEMBER2>), its author (<@U0MEMBER1>) or a lead can mark it done.',
    );
    expect(await refusal('edit 1 Hijacked', STRANGER)).toContain('or a lead can edit it');
    expect(await refusal('done 9')).toContain('There is no action item #9');
    expect((await item(1))?.status).toBe('open');

    expect(await todo('done 1', OTHER_MEMBER)).toEqual({
      response_type: 'in_channel',
      text: '<@U0MEMBER2> marked action item #1 done: Ship the release',
    });
    expect(await refusal('done 1')).toBe('Action item #1 is already done.');
    expect((await todo('list done')).text).toContain('~#1 Ship the release~');
    expect(await todo('reopen 1', LEAD)).toEqual({
      response_type: 'in_channel',
      text: '<@U0LEAD001> reopened action item #1: Ship the release',
    });
    expect(await todo('edit 1 Ship the <!here> release candidate', MEMBER)).toEqual({
      response_type: 'in_channel',
      text: '<@U0MEMBER1> edited action item #1: Ship the &lt;!here&gt; release candidate',
    });
    expect(await item(1)).toMatchObject({ status: 'open', text: 'Ship the <!here> release candidate' });

    // The channel message follows each change.
    await h.gavel.tick();
    const message = messageOf((await item(1))!.message_ts);
    expect(message?.['text']).toBe(
      'Action item #1 for <@U0MEMBER2>: Ship the &lt;!here&gt; release candidate',
    );
  });

  it('marks an item done from its "Mark done" button, for an owner only', async () => {
    await start();
    await record(`<@${OTHER_MEMBER}> Press the button`);
    const id = String((await item(1))!.id);

    expect((await h.interact(button(TODO_ACTIONS.markDone, id, STRANGER))).status).toBe(200);
    await vi.waitFor(() => expect(responsesSaying('Only an owner of #1')).toHaveLength(1));
    expect((await item(1))?.status).toBe('open');

    expect((await h.interact(button(TODO_ACTIONS.markDone, id, OTHER_MEMBER))).status).toBe(200);
    await vi.waitFor(async () => expect((await item(1))?.status).toBe('done'));
    await h.gavel.tick();
    const message = messageOf((await item(1))!.message_ts);
    expect(message?.['text']).toBe(':white_check_mark: ~Action item #1 for <@U0MEMBER2>: Press the button~');
    expect(JSON.stringify(message?.['blocks'])).not.toContain(TODO_ACTIONS.markDone);
  });

  it('opens the form for `/todo` alone and records what it submits, refusing bad input in the form', async () => {
    await start();
    expect(await todo('')).toEqual({});
    await vi.waitFor(() => expect(h.slack.callsTo('views.open')).toHaveLength(1));
    const view = h.slack.callsTo('views.open')[0]!['view'] as SlackArgs;
    expect(view['callback_id']).toBe(TODO_MODAL.callbackId);
    expect(JSON.stringify(view['blocks'])).toContain(`"initial_users":["${MEMBER}"]`);

    const bad = await h.interact(submission(MEMBER, { owners: [], text: ' ', due: '2026-11-01' }));
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [TODO_MODAL.ownersBlock]: 'Choose who owns the item.',
        [TODO_MODAL.textBlock]: 'Say what needs doing: /todo @alice Write the blog post by Dec 7.',
        [TODO_MODAL.dueBlock]: 'Choose a date from today on, within two years.',
      },
    });
    expect(await items()).toEqual([]);

    const ok = await h.interact(
      submission(MEMBER, { owners: [OTHER_MEMBER, LEAD], text: 'Draft the charter', due: '2026-12-10' }),
    );
    expect(ok.status).toBe(200);
    await vi.waitFor(() =>
      expect(channelPosts()).toEqual([
        'Action item #1 for <@U0MEMBER2> and <@U0LEAD001>: Draft the charter (due Thu Dec 10)',
      ]),
    );
    expect(await item(1)).toMatchObject({ author_id: MEMBER, due_date: '2026-12-10' });
  });

  it('turns any message into an item with the "Make action item" shortcut, linking back to it', async () => {
    await start();
    const source = {
      ts: await h.gavel.services.workspace.post(SERVERLESS_CHANNEL, {
        text: 'Can <@U0MEMBER2|bob> update the &lt;spec&gt; page?',
      }),
    };
    const shortcut = {
      type: 'message_action',
      callback_id: MAKE_ACTION_ITEM_SHORTCUT,
      trigger_id: 'trigger-shortcut',
      response_url: h.slack.responseUrl('shortcut'),
      team: { id: 'T0GAVEL', domain: 'gavel' },
      user: { id: LEAD, username: 'lead', team_id: 'T0GAVEL' },
      channel: { id: SERVERLESS_CHANNEL, name: 'serverless' },
      message: { type: 'message', ts: source.ts, text: 'Can <@U0MEMBER2|bob> update the &lt;spec&gt; page?' },
      message_ts: source.ts,
      token: 'legacy-token',
      action_ts: '1795600001.000200',
    };
    expect((await h.interact(shortcut)).status).toBe(200);
    await vi.waitFor(() => expect(h.slack.callsTo('views.open')).toHaveLength(1));
    const view = h.slack.callsTo('views.open')[0]!['view'] as SlackArgs;
    expect(JSON.stringify(view['blocks'])).toContain('"initial_value":"Can @bob update the <spec> page?"');
    const metadata = JSON.parse(String(view['private_metadata'])) as Record<string, unknown>;
    expect(metadata).toEqual({
      groupId: 'serverless',
      channelId: SERVERLESS_CHANNEL,
      source: { channelId: SERVERLESS_CHANNEL, ts: source.ts },
    });

    await h.interact(
      submission(LEAD, { owners: [OTHER_MEMBER], text: 'Update the <spec> page', due: null }, metadata),
    );
    await vi.waitFor(async () => expect((await item(1))?.message_ts).not.toBeNull());
    expect((await item(1))?.source_permalink).toBe(
      `https://gavel.slack.com/archives/${SERVERLESS_CHANNEL}/p${source.ts.replace('.', '')}`,
    );
    expect(channelPosts().at(-1)).toBe('Action item #1 for <@U0MEMBER2>: Update the &lt;spec&gt; page');
  });

  it('DMs each owner on the due date in their own morning, with "Done" and "Snooze a week"', async () => {
    await start();
    // Alice is in Berlin (09:00 = 08:00 UTC), Bob in Kolkata (09:00 = 03:30 UTC).
    await record(`<@${MEMBER}> <@${OTHER_MEMBER}> Send the newsletter by tomorrow`);
    const dms = (user: string) => h.slack.callsTo('chat.postMessage').filter((m) => m['channel'] === user);
    const at = async (iso: string) => {
      h.clock.set(iso);
      await h.gavel.tick();
    };

    await at('2026-11-23T18:59:00.000Z');
    await at('2026-11-24T03:29:00.000Z');
    expect([...dms(MEMBER), ...dms(OTHER_MEMBER)]).toEqual([]);
    await at('2026-11-24T03:30:00.000Z');
    expect(dms(OTHER_MEMBER).map((m) => m['text'])).toEqual([
      'Due today: action item #1 of CNCF Serverless WG (due Tue Nov 24): Send the newsletter',
    ]);
    expect(dms(MEMBER)).toEqual([]);
    await at('2026-11-24T08:00:00.000Z');
    expect(dms(MEMBER)).toHaveLength(1);
    const blocks = JSON.stringify(dms(MEMBER)[0]!['blocks']);
    expect(blocks).toContain(DUE_DM_ACTIONS.done);
    expect(blocks).toContain('Snooze a week');
    await at('2026-11-24T12:00:00.000Z');
    expect([...dms(MEMBER), ...dms(OTHER_MEMBER)]).toHaveLength(2);

    const id = String((await item(1))!.id);
    await h.interact(button(DUE_DM_ACTIONS.snooze, id, MEMBER, 'D0ALICE'));
    await vi.waitFor(() =>
      expect(responsesSaying(':zzz: Snoozed action item #1 to Tue Dec 1: Send the newsletter')).toHaveLength(
        1,
      ),
    );
    expect(responsesSaying(':zzz:')[0]?.body['replace_original']).toBe(true);
    expect((await item(1))?.due_date).toBe('2026-12-01');

    await at('2026-12-01T03:30:00.000Z');
    expect(dms(OTHER_MEMBER)).toHaveLength(2);
    await h.interact(button(DUE_DM_ACTIONS.done, id, OTHER_MEMBER, 'D0BOB'));
    await vi.waitFor(async () => expect((await item(1))?.status).toBe('done'));
    // Done before Alice's morning: she is not reminded of it.
    await at('2026-12-01T12:00:00.000Z');
    expect(dms(MEMBER)).toHaveLength(1);

    expect(await refusal('list mine')).toContain('You have no open action items.');
    await h.interact(button(DUE_DM_ACTIONS.snooze, id, STRANGER, 'D0STRANGER'));
    await vi.waitFor(() => expect(responsesSaying('or a lead can snooze it')).toHaveLength(1));
  });
});
