import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meetingKey } from '../../src/core/meeting/meetingKey.js';
import { MEETING_START_ACTIONS } from '../../src/core/record/meetingStartMessage.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';
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
import { parseFeed } from '../support/icalFeed.js';
import { gid, uid } from '../support/ids.js';

/**
 * The meeting record (issue 15), end to end through the real app: the start post and its
 * I'm here button, check-in, attendance with organisations, voting rights, decisions written
 * back to GitHub, the recording, the wrap-up, and what goes into the minutes doc.
 *
 * People: Lea Lead (LEAD, Google), Alice (MEMBER, Red Hat), Bob (OTHER_MEMBER, no
 * organisation, the group's scribe). Meetings: Thursdays 09:00–10:00 Los Angeles (PST), that
 * is 17:00–18:00 UTC, from 26 Nov 2026.
 */
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const DEC10 = '2026-12-10T17:00:00.000Z';
const DEC17 = '2026-12-17T17:00:00.000Z';
const DEC24 = '2026-12-24T17:00:00.000Z';
const SCRIBE = OTHER_MEMBER;
/** Minutes after (or, negative, before) an instant. */
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
/** A meeting's end is an hour after its start. */
const afterEnd = (start: string, minutes: number) => at(start, 60 + minutes);

const GITHUB_TOKEN = 'ghp_test0000000000000000000000000000gavel';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const TEMPLATE_TEXT = [
  '{{group}}: {{title}}',
  'Date: {{date}}, {{time}}',
  'Join: {{join_url}}',
  'Agenda',
  '{{agenda}}',
  'Attendees',
  'Shared To Do: What / Who / When',
  '',
].join('\n');

interface GroupOptions {
  readonly leads?: readonly string[];
  readonly voting?: boolean;
  readonly recordings?: boolean;
  readonly minutes?: boolean;
}

const groupsYaml = (o: GroupOptions = {}) =>
  [
    'people:',
    `  ${LEAD}: { organization: Google }`,
    `  ${MEMBER}: { organization: Red Hat, github: alice-gh }`,
    'groups:',
    '  serverless:',
    '    name: CNCF Serverless WG',
    '    channel: "#serverless"',
    '    timezone: America/Los_Angeles',
    `    leads: [${(o.leads ?? [LEAD]).join(', ')}]`,
    `    scribes: [${SCRIBE}]`,
    '    meetings:',
    '      - title: Weekly call',
    '        day: thursday',
    '        time: "09:00"',
    '        duration: 1h',
    '        join_url: https://zoom.us/j/123456789',
    '    reminders: [10m]',
    '    github:',
    '      repo: cncf/wg-serverless',
    '      labels: [action-item]',
    '      repos: [cloudevents/spec]',
    ...(o.voting ? ['    voting: { attended: 3, of_last: 4, per: organization }'] : []),
    ...(o.recordings ? ['    recordings: { expected: true, within: 24h }'] : []),
    ...(o.minutes
      ? [
          '    minutes:',
          '      mode: per-meeting',
          `      template: ${TEMPLATE}`,
          `      folder: ${FOLDER}`,
          '      create_before: 1h',
        ]
      : []),
    '',
  ].join('\n');

interface Ack {
  response_type?: string;
  text?: string;
}

describe.each(ENGINES)('the meeting record on %s', (engine) => {
  let key: ServiceAccountKey;
  let h: GavelHarness;
  let github: GithubApiServer | undefined;
  let google: GoogleApiServer | undefined;
  let presses = 0;

  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await github?.close();
    await google?.close();
    github = undefined;
    google = undefined;
  });

  const start = async (
    opts: GroupOptions & { readonly withGithub?: boolean; readonly withGoogle?: boolean } = {},
  ) => {
    const env: Record<string, string> = {};
    if (opts.withGithub) {
      github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
      Object.assign(env, {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN,
        GITHUB_WEBHOOK_SECRET: 'webhook-secret-for-tests',
      });
    }
    if (opts.withGoogle) {
      google = await startGoogleApiServer({ serviceAccounts: [key] });
      google.addFolder(FOLDER);
      google.addDoc({
        id: TEMPLATE,
        name: 'WG minutes template',
        text: TEMPLATE_TEXT,
        parents: ['1Templates000000000'],
      });
      Object.assign(env, { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url });
    }
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: groupsYaml({ ...opts, minutes: opts.withGoogle }),
      env,
    });
    await h.gavel.tick();
  };

  /** Moves the clock and runs every job that is due. */
  const moveTo = async (when: Date) => {
    h.clock.set(when);
    await h.gavel.tick();
  };
  /** A slash command's ephemeral or in-channel answer, as the person who typed it sees it. */
  const say = async (command: string, text: string, userId = MEMBER): Promise<Ack> => {
    const res = await h.command(command, text, { userId });
    expect(res.status).toBe(200);
    return (res.body as Ack | undefined) ?? {};
  };
  const reply = async (command: string, text: string, userId = MEMBER) =>
    (await say(command, text, userId)).text ?? '';

  const startPosts = () => h.slack.messages().filter((m) => String(m['text']).endsWith(' is starting'));
  const startPostOf = (startsAt: string) =>
    startPosts().find((m) => JSON.stringify(m['blocks']).includes(meetingKey('serverless', startsAt)));
  const threadOf = (ts: unknown) => h.slack.messages().filter((m) => m['thread_ts'] === ts && m['ts'] !== ts);
  const wrapUps = () => h.slack.messages().filter((m) => String(m['text']).includes(': wrap-up of '));
  const blocksOf = (m: SlackArgs | undefined) => JSON.stringify(m?.['blocks'] ?? []);

  const attendance = (startsAt: string) =>
    h.db.opened.db
      .selectFrom('attendance')
      .select(['user_id', 'recorded_by'])
      .where('group_id', '=', 'serverless')
      .where('meeting_starts_at', '=', startsAt)
      .orderBy('id')
      .execute();
  const decisions = () => h.db.opened.db.selectFrom('decisions').selectAll().orderBy('number').execute();
  const recordings = () => h.db.opened.db.selectFrom('recordings').selectAll().execute();

  /** Presses "I'm here" on a start post and waits for the ephemeral answer through response_url. */
  const pressImHere = async (userId: string, post: SlackArgs): Promise<string> => {
    presses += 1;
    const before = h.slack.responses.length;
    const ts = String(post['ts']);
    const res = await h.interact({
      type: 'block_actions',
      team: { id: 'T0GAVEL', domain: 'gavel' },
      user: { id: userId, username: userId, team_id: 'T0GAVEL' },
      api_app_id: 'A0GAVEL',
      token: 'legacy-token',
      trigger_id: `trigger-check-in-${presses}`,
      response_url: h.slack.responseUrl(`check-in-${presses}`),
      container: { type: 'message', message_ts: ts, channel_id: SERVERLESS_CHANNEL, is_ephemeral: false },
      channel: { id: SERVERLESS_CHANNEL, name: 'serverless' },
      message: { type: 'message', ts, text: String(post['text']) },
      actions: [
        {
          type: 'button',
          action_id: MEETING_START_ACTIONS.checkIn,
          block_id: 'b1',
          value: buttonValue(post),
          action_ts: `${ts.split('.')[0]}.999999`,
        },
      ],
    });
    expect(res.status).toBe(200);
    const answers = await h.slack.waitForResponses(before + 1, 5000);
    const answer = answers[before]!;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    return String(answer['text']);
  };
  /** The value the start post's button carries. */
  const buttonValue = (post: SlackArgs): string => {
    const blocks = post['blocks'] as { type: string; elements?: { action_id?: string; value?: string }[] }[];
    const button = blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === MEETING_START_ACTIONS.checkIn);
    return button?.value ?? '';
  };

  it('posts one start post at the meeting’s start, with the join link, the agenda and an I’m here button', async () => {
    await start();
    await say('/agenda', 'add Discuss CloudEvents 2.0');
    await moveTo(at(NOV26, -1));
    expect(startPosts()).toHaveLength(0);

    await moveTo(at(NOV26, 0));
    const [post, ...more] = startPosts();
    expect(more).toEqual([]);
    expect(post?.['channel']).toBe(SERVERLESS_CHANNEL);
    expect(post?.['thread_ts']).toBeUndefined();
    expect(post?.['text']).toBe('CNCF Serverless WG: Weekly call is starting');
    const blocks = blocksOf(post);
    expect(blocks).toContain('<https://zoom.us/j/123456789|Join the meeting>');
    expect(blocks).toContain('*Agenda*\\n1. Discuss CloudEvents 2.0');
    expect(buttonValue(post!)).toBe(meetingKey('serverless', NOV26));
    expect(blocks).toContain("I'm here");

    await h.gavel.tick();
    await moveTo(at(NOV26, 5));
    expect(startPosts()).toHaveLength(1);
    expect(
      h.slack.callsTo('chat.postMessage').filter((m) => String(m['text']).endsWith('is starting')),
    ).toHaveLength(1);
  });

  it('checks people in: the button and /meeting here once each, others only by a lead, and only while check-in is open', async () => {
    await start();
    await moveTo(at(NOV26, 2));
    const post = startPostOf(NOV26)!;

    expect(await pressImHere(MEMBER, post)).toBe("You're checked in to Weekly call of Thu 26 Nov.");
    expect(await pressImHere(MEMBER, post)).toBe("You're already checked in to Weekly call of Thu 26 Nov.");
    expect(await attendance(NOV26)).toEqual([{ user_id: MEMBER, recorded_by: MEMBER }]);

    expect(await say('/meeting', 'here', LEAD)).toEqual({
      response_type: 'ephemeral',
      text: "You're checked in to Weekly call of Thu 26 Nov.",
    });
    expect(await reply('/meeting', 'here', LEAD)).toBe(
      "You're already checked in to Weekly call of Thu 26 Nov.",
    );

    const refused = await say('/meeting', `here <@${OTHER_MEMBER}>`, MEMBER);
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Only a lead can check others in');
    expect((await attendance(NOV26)).map((a) => a.user_id)).toEqual([MEMBER, LEAD]);

    expect(await reply('/meeting', `here <@${OTHER_MEMBER}> <@${MEMBER}>`, LEAD)).toBe(
      `Checked in to Weekly call of Thu 26 Nov: <@${OTHER_MEMBER}>. Already checked in: <@${MEMBER}>.`,
    );
    expect(await attendance(NOV26)).toEqual([
      { user_id: MEMBER, recorded_by: MEMBER },
      { user_id: LEAD, recorded_by: LEAD },
      { user_id: OTHER_MEMBER, recorded_by: LEAD },
    ]);

    // Two hours after the end: closed, and the answer says when check-in is open.
    h.clock.set(afterEnd(NOV26, 120));
    const late = await say('/meeting', 'here', OTHER_MEMBER);
    expect(late.response_type).toBe('ephemeral');
    expect(late.text).toContain('No CNCF Serverless WG meeting is in progress');
    expect(late.text).toContain(
      'check-in opens 10 minutes before a meeting starts and closes 30 minutes after it ends',
    );
    expect(await pressImHere(OTHER_MEMBER, post)).toContain('closes 30 minutes after the meeting ends');
    expect(await attendance(NOV26)).toHaveLength(3);
    // Within a day of the next meeting, the answer names it.
    h.clock.set(at(DEC03, -60));
    expect(await reply('/meeting', 'here', OTHER_MEMBER)).toContain('The next one is Thu 3 Dec');
    expect(await attendance(DEC03)).toEqual([]);
  });

  it('lists attendance with organisations from the groups file, for the latest meeting or a date', async () => {
    await start();
    await moveTo(at(NOV26, 3));
    await say('/meeting', `here <@${LEAD}> <@${MEMBER}> <@${OTHER_MEMBER}>`, LEAD);
    await moveTo(at(DEC03, -5));
    await say('/meeting', 'here', MEMBER);

    const latest = await say('/meeting', 'attendance', OTHER_MEMBER);
    expect(latest.response_type).toBe('ephemeral');
    expect(latest.text).toBe(`*Present at Weekly call of Thu 3 Dec: 1*\nRed Hat — 1: <@${MEMBER}>`);

    expect(await reply('/meeting', 'attendance 2026-11-26', OTHER_MEMBER)).toBe(
      [
        '*Present at Weekly call of Thu 26 Nov: 3*',
        `Google — 1: <@${LEAD}>`,
        `Red Hat — 1: <@${MEMBER}>`,
        `(no organisation) — 1: <@${OTHER_MEMBER}>`,
      ].join('\n'),
    );
    expect(await reply('/meeting', 'attendance 2026-11-27')).toContain('has no meeting on 2026-11-27');
    expect(await reply('/meeting', 'attendance last week')).toContain('/meeting attendance [date]');
  });

  it('gives a vote per organisation that attended 3 of the last 4 meetings, and a leave of absence keeps it', async () => {
    await start({ voting: true });
    const meet = async (startsAt: string, text: string) => {
      await moveTo(at(startsAt, 5));
      expect(await reply('/meeting', text, LEAD)).toMatch(/^(Checked in to|You're checked in to)/);
    };
    // Red Hat (Alice) and Bob attend the same meetings; Google (Lea) attends two of the four.
    await meet(NOV26, `here <@${LEAD}> <@${MEMBER}> <@${OTHER_MEMBER}>`);
    await meet(DEC03, 'here');
    await meet(DEC10, `here <@${MEMBER}> <@${OTHER_MEMBER}>`);
    await meet(DEC17, `here <@${MEMBER}> <@${OTHER_MEMBER}>`);

    await moveTo(afterEnd(DEC17, 120));
    const voters = await say('/meeting', 'voters', OTHER_MEMBER);
    expect(voters.response_type).toBe('ephemeral');
    expect(voters.text).toBe(
      [
        '*Voting at CNCF Serverless WG, Weekly call of Thu 24 Dec*',
        'A vote per organisation that attended 3 of the last 4 meetings; a leave of absence does not count against it.',
        '*Holds a vote (2)*',
        `• Red Hat — attended 3 of the last 4 (<@${MEMBER}>)`,
        `• <@${OTHER_MEMBER}> — attended 3 of the last 4`,
        '*No vote (1)*',
        `• Google — attended 2 of the last 4 (<@${LEAD}>)`,
      ].join('\n'),
    );

    // Alice is on leave for 24 Dec, asked ahead; Bob just stays away.
    expect(await reply('/meeting', 'absent 2026-12-24', MEMBER)).toBe(
      ':palm_tree: You are on leave for the Weekly call of Thu 24 Dec: it does not count against voting rights.',
    );
    expect(await reply('/meeting', 'absent 2026-12-24', MEMBER)).toBe(
      'You are already on leave for the Weekly call of Thu 24 Dec.',
    );
    expect(await reply('/meeting', `absent 2026-12-24 <@${OTHER_MEMBER}>`, MEMBER)).toContain(
      'Only a lead can record a leave of absence for someone else',
    );
    await meet(DEC24, 'here');
    // A leave is asked for ahead: once the meeting is over, it is refused.
    await moveTo(afterEnd(DEC24, 120));
    expect(await reply('/meeting', 'absent 2026-12-24', OTHER_MEMBER)).toBe(
      ':warning: The meeting of 2026-12-24 is over: a leave of absence is recorded before the meeting.',
    );
    const after = await reply('/meeting', 'voters', OTHER_MEMBER);
    expect(after).toContain('*Voting at CNCF Serverless WG, Weekly call of Thu 31 Dec*');
    expect(after).toContain(`*Holds a vote (1)*\n• Red Hat — attended 3 of the last 4 (<@${MEMBER}>)`);
    expect(after).toContain(`• <@${OTHER_MEMBER}> — attended 2 of the last 4`);
    expect(after).toContain(`• Google — attended 2 of the last 4 (<@${LEAD}>)`);
    expect(after.indexOf('*No vote (2)*')).toBeLessThan(after.indexOf(`<@${OTHER_MEMBER}> — attended 2`));
  });

  it('says so when the group has no voting rule', async () => {
    await start();
    expect(await reply('/meeting', 'voters')).toContain('CNCF Serverless WG has no voting rule');
  });

  it('records a decision by a lead or a scribe, announces it in the thread and comments once on the issue it names', async () => {
    await start({ withGithub: true });
    for (let n = 1; n <= 12; n++)
      github!.addIssue({ owner: 'cloudevents', repo: 'spec', title: `Spec issue ${n}` });
    await moveTo(at(NOV26, 20));
    const post = startPostOf(NOV26)!;

    // Refused, and nothing stored: a member, a repository the group does not use, too long.
    const member = await say('/decision', 'Adopt v1.0 cloudevents/spec#12', MEMBER);
    expect(member.response_type).toBe('ephemeral');
    expect(member.text).toContain('Only a lead or a scribe of this group can record a decision');
    const otherRepo = await reply('/decision', 'Adopt kubernetes/kubernetes#1', LEAD);
    expect(otherRepo).toContain(
      'kubernetes/kubernetes#1 is not in a repository CNCF Serverless WG works in (cncf/wg-serverless, cloudevents/spec)',
    );
    expect(otherRepo).toContain('record the decision without it');
    const long = await reply('/decision', `Adopt ${'x'.repeat(1000)}`, LEAD);
    expect(long).toContain('A decision can be at most 1,000 characters (yours has 1,006)');
    expect(await decisions()).toEqual([]);

    const recorded = await say('/decision', 'Adopt v1.0 cloudevents/spec#12', LEAD);
    expect(recorded).toEqual({
      response_type: 'ephemeral',
      text: ':white_check_mark: Decision #1 recorded for the Weekly call of Thu 26 Nov; it is announced in the meeting’s thread.',
    });
    await h.gavel.tick();
    const [decision] = await decisions();
    expect(decision).toMatchObject({
      number: 1,
      text: 'Adopt v1.0 cloudevents/spec#12',
      author_id: LEAD,
      meeting_starts_at: NOV26,
      ref_owner: 'cloudevents',
      ref_repo: 'spec',
      ref_number: 12,
    });
    expect(threadOf(post['ts']).map((m) => m['text'])).toEqual([
      `:white_check_mark: Decision #1 (recorded by <@${LEAD}>): Adopt v1.0 cloudevents/spec#12 — <https://github.com/cloudevents/spec/issues/12|cloudevents/spec#12>`,
    ]);
    const comments = github!.comments('cloudevents', 'spec', 12);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain(
      'Decided at the CNCF Serverless WG meeting of 26 Nov 2026: Adopt v1.0 cloudevents/spec#12',
    );
    expect(body).toContain(
      `https://gavel.slack.com/archives/${SERVERLESS_CHANNEL}/p${String(post['ts']).replace('.', '')}`,
    );
    expect(body.endsWith(`<!-- gavel:decision:${decision!.id} -->`)).toBe(true);

    await h.gavel.tick();
    await moveTo(at(NOV26, 30));
    expect(github!.comments('cloudevents', 'spec', 12)).toHaveLength(1);
    expect(github!.callsTo('issues.createComment')).toHaveLength(1);
    expect(threadOf(post['ts'])).toHaveLength(1);

    // The scribe may record one; what they typed cannot ping the channel.
    expect(await reply('/decision', 'Ship the SDK <!channel> @here', SCRIBE)).toContain(
      'Decision #2 recorded',
    );
    await h.gavel.tick();
    const announced = String(threadOf(post['ts'])[1]?.['text']);
    expect(announced).toContain(`Decision #2 (recorded by <@${SCRIBE}>): Ship the SDK`);
    expect(announced).not.toContain('<!channel>');
    expect(announced).toContain('&lt;!channel&gt;');
    expect(github!.callsTo('issues.createComment')).toHaveLength(1);

    const found = await say('/decision', 'list adopt', MEMBER);
    expect(found.response_type).toBe('ephemeral');
    expect(found.text).toContain('*Decisions of CNCF Serverless WG mentioning “adopt”*');
    expect(found.text).toContain('#1 Adopt v1.0 cloudevents/spec#12 — Thu 26 Nov');
    expect(found.text).not.toContain('#2');
    const all = await reply('/decision', 'list', MEMBER);
    expect(all.indexOf('#2 Ship the SDK')).toBeLessThan(all.indexOf('#1 Adopt'));
    expect(await decisions()).toHaveLength(2);
  });

  it('threads a decision recorded just before the start under the start post, and refuses a recording of a meeting yet to come', async () => {
    await start();
    await moveTo(at(NOV26, -5));
    expect(await reply('/decision', 'We start with the release plan', LEAD)).toContain(
      'Decision #1 recorded',
    );
    await h.gavel.tick();
    // Five minutes early there is no thread yet: the announcement waits for it.
    expect(h.slack.messages().filter((m) => String(m['text']).includes('Decision #1'))).toEqual([]);
    await moveTo(at(NOV26, 0));
    await moveTo(at(NOV26, 1));
    const post = startPostOf(NOV26)!;
    expect(threadOf(post['ts']).map((m) => String(m['text']))).toEqual([
      expect.stringContaining('Decision #1 (recorded by'),
    ]);

    expect(await reply('/meeting', 'recording https://youtu.be/future 2026-12-03', LEAD)).toContain(
      'The meeting of 2026-12-03 has not happened yet',
    );
    expect(await recordings()).toEqual([]);
    await moveTo(afterEnd(NOV26, 25 * 60));
    expect(await reply('/decision', 'Too late for this one', LEAD)).toContain(
      'a decision is recorded during its meeting or up to a day after it',
    );
    expect(await reply('/meeting', 'recording https://youtu.be/late', LEAD)).toContain(
      '/meeting recording &lt;url&gt; 2026-11-26',
    );
  });

  it('stores the recording link, posts it in the thread, shows it in the wrap-up and in the calendar feed', async () => {
    await start();
    await moveTo(at(NOV26, 50));
    const post = startPostOf(NOV26)!;

    const refused = await say('/meeting', 'recording ftp://x', LEAD);
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('`ftp://x` is not an http or https link');
    expect(await recordings()).toEqual([]);

    expect(await say('/meeting', 'recording https://youtu.be/abc', MEMBER)).toEqual({
      response_type: 'ephemeral',
      text: ':movie_camera: Recording saved for the Weekly call of Thu 26 Nov; it is posted in the meeting’s thread.',
    });
    await h.gavel.tick();
    expect(await recordings()).toMatchObject([
      { meeting_starts_at: NOV26, url: 'https://youtu.be/abc', recorded_by: MEMBER },
    ]);
    expect(threadOf(post['ts']).map((m) => m['text'])).toEqual([
      `:movie_camera: <https://youtu.be/abc|Recording> (added by <@${MEMBER}>)`,
    ]);

    await moveTo(afterEnd(NOV26, 15));
    const [wrapUp] = wrapUps();
    expect(wrapUp?.['thread_ts']).toBe(post['ts']);
    expect(blocksOf(wrapUp)).toContain(':movie_camera: <https://youtu.be/abc|Recording>');

    const feed = await (await fetch(`${h.url}/calendar/serverless.ics`)).text();
    const recorded = parseFeed(feed)
      .getAllSubcomponents('vevent')
      .filter((e) => e.hasProperty('recurrence-id'));
    expect(recorded).toHaveLength(1);
    const instance = recorded[0]!;
    expect(
      (instance.getFirstPropertyValue('recurrence-id') as { toJSDate(): Date }).toJSDate().toISOString(),
    ).toBe(NOV26);
    expect(String(instance.getFirstPropertyValue('description'))).toContain(
      'Recording: https://youtu.be/abc',
    );
  });

  it('asks each lead once for a missing recording a day after the end, and nobody when it came', async () => {
    await start({ recordings: true, leads: [LEAD, OTHER_MEMBER] });
    const dms = (user: string) => h.slack.messages().filter((m) => m['channel'] === user);
    await moveTo(afterEnd(NOV26, 24 * 60 - 1));
    expect([...dms(LEAD), ...dms(OTHER_MEMBER)]).toEqual([]);

    await moveTo(afterEnd(NOV26, 24 * 60));
    await h.gavel.tick();
    for (const lead of [LEAD, OTHER_MEMBER]) {
      expect(dms(lead).map((m) => String(m['text']))).toEqual([
        expect.stringContaining(
          'No recording has been added for CNCF Serverless WG: Weekly call of Thu 26 Nov',
        ),
      ]);
    }
    expect(String(dms(LEAD)[0]?.['text'])).toContain('`/meeting recording &lt;url&gt; 2026-11-26`');
    expect(dms(MEMBER)).toEqual([]);

    await moveTo(at(DEC03, 30));
    await say('/meeting', 'recording https://youtu.be/dec3', MEMBER);
    await moveTo(afterEnd(DEC03, 24 * 60 + 1));
    expect(dms(LEAD)).toHaveLength(1);
    expect(dms(OTHER_MEMBER)).toHaveLength(1);
  });

  it('posts one wrap-up in the thread a quarter hour after the end, and updates it in place for a later decision', async () => {
    await start({ withGoogle: true });
    await say('/agenda', 'add Discuss CloudEvents 2.0');
    await say('/agenda', 'add Review the SDK roadmap');
    await moveTo(at(NOV26, -60));
    await moveTo(at(NOV26, 0));
    const post = startPostOf(NOV26)!;
    await say('/meeting', `here <@${LEAD}> <@${OTHER_MEMBER}>`, LEAD);
    await say('/meeting', 'here', MEMBER);
    expect(await reply('/agenda', 'done 1', LEAD)).toContain('#1');
    expect(await reply('/decision', 'Adopt v1.0', LEAD)).toContain('Decision #1 recorded');
    await h.command('/todo', `<@${MEMBER}> Write the blog post by Dec 7`, { userId: LEAD });
    await h.gavel.tick();
    const minutesUrl = (
      await h.db.opened.db
        .selectFrom('occurrences')
        .select('minutes_url')
        .where('starts_at', '=', NOV26)
        .executeTakeFirstOrThrow()
    ).minutes_url!;
    expect(minutesUrl).toContain('https://');
    // The start post links the minutes too.
    expect(blocksOf(post)).toContain(`:memo: <${minutesUrl}|Minutes>`);

    await moveTo(afterEnd(NOV26, 14));
    expect(wrapUps()).toEqual([]);
    await moveTo(afterEnd(NOV26, 15));
    await h.gavel.tick();
    const [wrapUp, ...more] = wrapUps();
    expect(more).toEqual([]);
    expect(wrapUp?.['thread_ts']).toBe(post['ts']);
    expect(wrapUp?.['text']).toBe(
      'CNCF Serverless WG: wrap-up of Weekly call, 26 Nov 2026 — 3 attendees, 1 decision, 1 action item',
    );
    const blocks = blocksOf(wrapUp);
    expect(blocks).toContain('Wrap-up: Weekly call, 26 Nov 2026');
    expect(blocks).toContain('*Attended (3)*\\nLea Lead (Google), Bob (no organisation), Alice (Red Hat)');
    expect(blocks).toContain('*Decisions*\\n#1 Adopt v1.0');
    expect(blocks).toContain(`*Action items*\\n#1 Write the blog post — <@${MEMBER}> — due 7 Dec`);
    expect(blocks).toContain('*Agenda covered*\\n1. Discuss CloudEvents 2.0');
    // Rolled over, it carries its number on the next meeting's agenda.
    expect(blocks).toMatch(/\*Rolled over to the next meeting\*\\n\d+\. Review the SDK roadmap/);
    expect(blocks).toContain(`<${minutesUrl}|Minutes>`);
    expect(blocks).toContain('No recording yet');

    // An hour later, a decision the meeting took but nobody typed in time.
    await moveTo(afterEnd(NOV26, 75));
    expect(await reply('/decision', 'Publish the roadmap', LEAD)).toContain('Decision #2 recorded');
    await h.gavel.tick();
    expect(wrapUps()).toHaveLength(1);
    expect(wrapUps()[0]?.['ts']).toBe(wrapUp?.['ts']);
    expect(blocksOf(wrapUps()[0])).toContain('#1 Adopt v1.0\\n#2 Publish the roadmap');
    expect(String(wrapUps()[0]?.['text'])).toContain('2 decisions');
    // And the recording, the next morning.
    await moveTo(afterEnd(NOV26, 16 * 60));
    await say('/meeting', 'recording https://youtu.be/abc', MEMBER);
    await h.gavel.tick();
    expect(wrapUps()).toHaveLength(1);
    expect(blocksOf(wrapUps()[0])).toContain(':movie_camera: <https://youtu.be/abc|Recording>');
    expect(blocksOf(wrapUps()[0])).not.toContain('No recording yet');
    const updates = h.slack.callsTo('chat.update').filter((u) => u['ts'] === wrapUp?.['ts']);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(
      h.slack.callsTo('chat.postMessage').filter((m) => String(m['text']).includes('wrap-up of')),
    ).toHaveLength(1);
  });

  it('writes attendees, decisions and the recording into the meeting’s minutes doc, each once', async () => {
    await start({ withGoogle: true });
    await moveTo(at(NOV26, -60));
    const [doc] = google!.filesIn(FOLDER);
    expect(doc).toBeDefined();
    const text = () => google!.file(doc!.id)!.text;

    await moveTo(at(NOV26, 1));
    await say('/meeting', 'here', LEAD);
    await say('/meeting', 'here', OTHER_MEMBER);
    await say('/decision', 'Adopt v1.0 <!channel>', LEAD);
    await say('/meeting', 'recording <https://youtu.be/abc>', LEAD);
    await h.gavel.tick();

    const lines = text().split('\n');
    expect(lines[0]).toBe('CNCF Serverless WG: Weekly call');
    expect(lines[1]).toBe('Recording: https://youtu.be/abc');
    const attendees = lines.indexOf('Attendees');
    // The decisions go just before the action items: the meeting's outcome reads together.
    // The doc keeps the text as recorded (a doc pings nobody).
    // Two people checking in together are written by two jobs that run side by side: their
    // order in the doc is not promised.
    expect(lines.slice(attendees + 1, attendees + 3).sort()).toEqual(['Bob', 'Lea Lead (Google)']);
    expect(lines.slice(attendees + 3, attendees + 6)).toEqual([
      'Decisions',
      'Decision #1: Adopt v1.0 <!channel>',
      'Shared To Do: What / Who / When',
    ]);

    const writes = google!.callsTo('documents.batchUpdate').length;
    await say('/meeting', 'here', LEAD);
    await h.gavel.tick();
    await moveTo(afterEnd(NOV26, 20));
    expect(google!.callsTo('documents.batchUpdate')).toHaveLength(writes);
    for (const line of [
      'Lea Lead (Google)',
      'Bob',
      'Decision #1: Adopt v1.0 <!channel>',
      'Recording: https://youtu.be/abc',
    ]) {
      expect(
        text()
          .split('\n')
          .filter((l) => l === line),
      ).toHaveLength(1);
    }
  });

  it('gives a check-in, a decision and a recording saved just before a crash their follow-ups at the next planning, once', async () => {
    await start({ withGithub: true, withGoogle: true });
    github!.addIssue({ owner: 'cloudevents', repo: 'spec', title: 'Spec issue 1' });
    await moveTo(at(NOV26, 5));
    const post = startPostOf(NOV26)!;
    const doc = google!.filesIn(FOLDER)[0]!;
    // What a process that died right after each record (before queuing its jobs) leaves.
    const { records } = h.gavel.services;
    const now = h.clock.now();
    await records.checkIn(gid('serverless'), NOV26, [uid(LEAD)], uid(LEAD), now);
    const decision = await records.addDecision(
      {
        groupId: gid('serverless'),
        meetingStartsAt: NOV26,
        text: 'Adopt v1.0',
        authorId: uid(LEAD),
        reference: { owner: 'cloudevents', repo: 'spec', number: 1 },
      },
      now,
    );
    await records.setRecording(gid('serverless'), NOV26, 'https://youtu.be/abc', uid(LEAD), now);
    // And one from last week's meeting, too old to be followed up now.
    await records.checkIn(gid('serverless'), NOV26, [uid(MEMBER)], uid(MEMBER), at(NOV26, -7 * 24 * 60));

    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await h.gavel.tick();
    await moveTo(afterEnd(NOV26, 20));

    // The decision's and the recording's announcements are two healed jobs that run side by
    // side, so their order in the thread is not promised; the wrap-up comes after both.
    const thread = threadOf(post['ts']).map((m) => String(m['text']).split(' — ')[0]!);
    expect(thread).toHaveLength(3);
    expect(thread.slice(0, 2)).toEqual(
      expect.arrayContaining([
        `:white_check_mark: Decision #${decision.number} (recorded by <@${LEAD}>): Adopt v1.0`,
        expect.stringContaining('https://youtu.be/abc'),
      ]),
    );
    expect(thread[2]).toContain(': wrap-up of ');
    expect(github!.comments('cloudevents', 'spec', 1)).toHaveLength(1);
    const lines = google!.file(doc.id)!.text.split('\n');
    for (const line of ['Lea Lead (Google)', 'Decision #1: Adopt v1.0', 'Recording: https://youtu.be/abc']) {
      expect(lines.filter((l) => l === line)).toHaveLength(1);
    }
    expect(lines.filter((l) => l.startsWith('Alice'))).toEqual([]);
  });

  it('gives a meeting cancelled before it starts no start post and no wrap-up', async () => {
    await start();
    expect(await reply('/meeting', 'cancel 2026-11-26', LEAD)).toContain('is cancelled');
    await moveTo(at(NOV26, 0));
    await moveTo(afterEnd(NOV26, 15));
    await moveTo(afterEnd(NOV26, 60));
    expect(startPosts()).toEqual([]);
    expect(wrapUps()).toEqual([]);
    expect(await reply('/meeting', 'here', MEMBER)).toContain('No CNCF Serverless WG meeting is in progress');

    await moveTo(at(DEC03, 0));
    expect(startPosts()).toHaveLength(1);
  });

  it('explains words it does not know and shows the help of /meeting and /decision', async () => {
    await start();
    const unknown = await say('/meeting', 'frobnicate');
    expect(unknown.response_type).toBe('ephemeral');
    expect(unknown.text).toContain('`frobnicate` is not a `/meeting` command.');
    expect(unknown.text).toContain('/meeting here');
    expect(unknown.text).toContain('/meeting recording <url>');
    const help = await say('/decision', 'help');
    expect(help.response_type).toBe('ephemeral');
    expect(help.text).toContain('/decision list [words]');
    expect(await reply('/decision', '')).toBe(help.text);
    expect(await reply('/meeting', 'help')).toContain('/meeting absent <YYYY-MM-DD> [@person]');
  });
});
