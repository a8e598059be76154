import { afterEach, describe, expect, it, vi } from 'vitest';
import { TODO_CONFIRM_ACTIONS } from '../../src/core/todo/todoConfirm.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, MEMBER, SERVERLESS_CHANNEL, startHarness } from '../support/gavelHarness.js';

// Monday 23 Nov 2026, 04:00 in Los Angeles. The harness's groups file gives #serverless the
// repository cncf/wg-serverless: every recorded item becomes an issue there.
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const REPO = ['cncf', 'wg-serverless'] as const;

interface Ack {
  response_type?: string;
  text?: string;
  blocks?: { type: string; elements?: { action_id: string; value?: string }[] }[];
}

describe.each(ENGINES)('/todo asks before recording a likely mistake, on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer;
  afterEach(async () => {
    await h.stop();
    await github.close();
  });

  const start = async () => {
    github = await startGithubApiServer({ tokens: [TOKEN], installations: ['4242'] });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN },
    });
  };
  const items = () =>
    h.db.opened.db.selectFrom('action_items').selectAll().where('group_id', '=', 'serverless').execute();
  const todo = async (text: string): Promise<Ack> => {
    const res = await h.command('/todo', text, { userId: MEMBER });
    expect(res.status).toBe(200);
    return res.body ?? {};
  };
  const buttons = (ack: Ack) => ack.blocks?.find((b) => b.type === 'actions')?.elements ?? [];
  const press = async (actionId: string, value: string, responseId: string) => {
    const res = await h.interact({
      type: 'block_actions',
      team: { id: 'T0GAVEL', domain: 'gavel' },
      user: { id: MEMBER, username: 'alice', team_id: 'T0GAVEL' },
      api_app_id: 'A0GAVEL',
      token: 'legacy-token',
      trigger_id: `trigger-press-${responseId}`,
      response_url: h.slack.responseUrl(responseId),
      container: {
        type: 'message',
        message_ts: '1795600000.000100',
        channel_id: SERVERLESS_CHANNEL,
        is_ephemeral: true,
      },
      channel: { id: SERVERLESS_CHANNEL, name: 'serverless' },
      actions: [
        { type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1795600001.000200' },
      ],
    });
    expect(res.status).toBe(200);
  };
  const responseTo = (id: string) => h.slack.responses.filter((r) => r.id === id).map((r) => r.body);
  const channelPosts = () =>
    h.slack.callsTo('chat.postMessage').filter((m) => m['channel'] === SERVERLESS_CHANNEL && !m['thread_ts']);

  it('asks about `/todo lsit`, records nothing and opens no issue; Record it anyway records it once', async () => {
    await start();
    const ack = await todo('lsit');
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('Did you mean `/todo list`?');
    expect(buttons(ack).map((b) => b.action_id)).toEqual([
      TODO_CONFIRM_ACTIONS.record,
      TODO_CONFIRM_ACTIONS.cancel,
    ]);
    await h.gavel.tick();
    expect(await items()).toEqual([]);
    expect(github.issues(...REPO)).toEqual([]);
    expect(channelPosts()).toEqual([]);

    const value = buttons(ack)[0]!.value!;
    // Pressed twice, as an impatient double click does: one item, one issue.
    await press(TODO_CONFIRM_ACTIONS.record, value, 'first');
    await press(TODO_CONFIRM_ACTIONS.record, value, 'second');
    await vi.waitFor(() => expect(responseTo('first')).toHaveLength(1));
    await vi.waitFor(() => expect(responseTo('second')).toHaveLength(1));
    // Whichever press claims the question first records it; the other is told so.
    const answers = [...responseTo('first'), ...responseTo('second')].map((r) => String(r['text'])).sort();
    expect(answers).toEqual([
      ':white_check_mark: Recorded action item #1: lsit',
      'That was recorded already: see `/todo list`.',
    ]);
    expect(responseTo('first')[0]).toMatchObject({ replace_original: true });
    await vi.waitFor(() => expect(channelPosts()).toHaveLength(1));
    expect(String(channelPosts()[0]!['text'])).toBe(`Action item #1 for <@${MEMBER}>: lsit`);
    const stored = await items();
    expect(stored.map((i) => [i.number, i.text, i.author_id])).toEqual([[1, 'lsit', MEMBER]]);
    await h.gavel.tick();
    expect(github.issues(...REPO).map((i) => i.title)).toEqual(['lsit']);
  });

  it('asks about one word with no owner; Cancel deletes the question and records nothing', async () => {
    await start();
    const ack = await todo('frobnicate');
    expect(ack.text).toMatch(/^Record “frobnicate” as an action item for you\?/);
    await press(TODO_CONFIRM_ACTIONS.cancel, 'cancel', 'cancel');
    await vi.waitFor(() => expect(responseTo('cancel')).toMatchObject([{ delete_original: true }]));
    await h.gavel.tick();
    expect(await items()).toEqual([]);
    expect(github.issues(...REPO)).toEqual([]);
  });

  it('checks the pressed value again: a tampered or stale one records nothing', async () => {
    await start();
    await press(TODO_CONFIRM_ACTIONS.record, '{"n":"x","t":"<!channel>","a":0}', 'stale');
    await press(TODO_CONFIRM_ACTIONS.record, 'not json', 'broken');
    const tooLate = JSON.stringify({ n: 'abc', t: '<@U0ALICE1> x by 12/7', a: Date.parse(MONDAY_NOON) });
    await press(TODO_CONFIRM_ACTIONS.record, tooLate, 'invalid');
    await vi.waitFor(() => expect(responseTo('invalid')).toHaveLength(1));
    await vi.waitFor(() => expect(responseTo('stale')).toHaveLength(1));
    await vi.waitFor(() => expect(responseTo('broken')).toHaveLength(1));
    expect(String(responseTo('stale')[0]!['text'])).toContain('more than a day old');
    expect(String(responseTo('broken')[0]!['text'])).toContain('out of date');
    expect(String(responseTo('invalid')[0]!['text'])).toContain('could be Dec 7 or Jul 12');
    expect(await items()).toEqual([]);
  });

  it('refuses a `by` it cannot read and shows the date a weekday became', async () => {
    await start();
    const ack = await todo('Review the spec by yesterday');
    expect(ack.text).toContain('`yesterday` (2026-11-22) is in the past');
    expect((await todo('Review the spec by next week')).text).toContain(
      'I could not read `next week` as a date. Try `2026-12-07`',
    );
    expect(await items()).toEqual([]);
    expect((await todo('Review the spec by next thursday')).text ?? '').toBe('');
    await vi.waitFor(() => expect(channelPosts()).toHaveLength(1));
    expect(String(channelPosts()[0]!['text'])).toBe(
      `Action item #1 for <@${MEMBER}>: Review the spec (due Thu Dec 3)`,
    );
  });
});
