import { afterEach, describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { metadataKeyOf } from '../../src/standins/slackApiServer.js';
import { ENGINES } from '../support/databases.js';
import { previewOf } from '../support/previewOf.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

// Thursdays 09:00 America/Los_Angeles. The US springs forward on Sun 14 Mar 2027, Europe on
// Sun 28 Mar: on Thu 18 and 25 Mar the call is at 16:00 UTC, an hour early for Europe.
const FIRST_SHIFTED = '2027-03-18T16:00:00.000Z';
const NOTICE_AT = '2027-03-11T16:00:00.000Z';
const KEY = 'notice-dst:serverless:2027-03-14T10:00:00.000Z';

const yaml = (extra: string, title = 'Weekly call') => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: "${title}", day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]
${extra}`;

const EUROPE = yaml('    audience_zones: [Europe/Berlin, Europe/London]');
const SPRING_TEXT =
  ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Berlin and London on 28 March. ' +
  'On 18 and 25 March the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
  'still 09:00 in Los Angeles.';

const groupsOf = (text: string) => {
  const parsed = parseGroups(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.groups;
};

describe.each(ENGINES)('DST notices on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const notices = () =>
    h.slack
      .messages()
      .filter((m) => m['channel'] === SERVERLESS_CHANNEL && String(m['text']).startsWith(':clock3: Heads-up'))
      .map((m) => String(m['text']));

  it('tells the channel once, a week before the first shifted meeting, however often it re-plans', async () => {
    h = await startHarness({ engine, now: '2027-03-01T12:00:00.000Z', groupsYaml: EUROPE });
    expect(await h.gavel.services.queue.byKey(KEY)).toMatchObject({
      status: 'pending',
      runAt: NOTICE_AT,
    });
    await h.gavel.tick();
    h.clock.set(new Date(new Date(NOTICE_AT).getTime() - 60_000));
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([]);

    h.clock.set(NOTICE_AT);
    await h.gavel.tick();
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await h.gavel.tick();
    h.clock.set('2027-03-19T12:00:00.000Z');
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([SPRING_TEXT]);
  });

  it('tells a group added mid-season at once, of the meetings still to come, under the season’s key', async () => {
    h = await startHarness({ engine, now: '2027-03-19T12:00:00.000Z', groupsYaml: EUROPE });
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Berlin and London on 28 March. ' +
        'On 25 March the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    ]);
    expect((await h.gavel.services.queue.byKey(KEY))?.status).toBe('done');
  });

  it('escapes the meeting title the groups file gives', async () => {
    h = await startHarness({
      engine,
      now: NOTICE_AT,
      groupsYaml: yaml('    audience_zones: [Europe/Berlin]', 'Call <!channel> & co'),
    });
    await h.gavel.tick();
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toContain('the Call &lt;!channel&gt; &amp; co is at 17:00 in Berlin');
    expect(notices()[0]).not.toContain('<!channel>');
  });

  it('withdraws the pending notice when the groups file no longer has a shifted meeting', async () => {
    h = await startHarness({ engine, now: '2027-03-01T12:00:00.000Z', groupsYaml: EUROPE });
    expect((await h.gavel.services.queue.byKey(KEY))?.status).toBe('pending');

    await h.gavel.reloadGroups(
      groupsOf(
        yaml('    audience_zones: [Europe/Berlin, Europe/London]\n    cancelled: [2027-03-18, 2027-03-25]'),
      ),
    );
    expect((await h.gavel.services.queue.byKey(KEY))?.status).toBe('cancelled');
    h.clock.set(NOTICE_AT);
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([]);

    await h.gavel.reloadGroups(groupsOf(yaml('    audience_zones: [Europe/Berlin]\n    dst_notice: "off"')));
    h.clock.set('2027-03-12T12:00:00.000Z');
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([]);
  });

  it('withdraws it when a lead cancels the shifted meetings in Slack, and plans it again when one is restored', async () => {
    h = await startHarness({ engine, now: '2027-03-01T12:00:00.000Z', groupsYaml: EUROPE });
    for (const date of ['2027-03-18', '2027-03-25']) {
      expect((await h.command('/meeting', `cancel ${date}`, { userId: LEAD })).status).toBe(200);
    }
    expect((await h.gavel.services.queue.byKey(KEY))?.status).toBe('cancelled');
    expect((await h.command('/meeting', 'restore 2027-03-18', { userId: LEAD })).status).toBe(200);
    expect(await h.gavel.services.queue.byKey(KEY)).toMatchObject({ status: 'pending', runAt: NOTICE_AT });
    h.clock.set(NOTICE_AT);
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Berlin and London on 28 March. ' +
        'On 18 March the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    ]);
  });

  it('finds the audience among the channel’s members too, and says so in the reminder of a shifted meeting', async () => {
    h = await startHarness({
      engine,
      now: '2027-03-01T12:00:00.000Z',
      groupsYaml: yaml(''),
      serverlessMembers: [LEAD, MEMBER, OTHER_MEMBER],
    });
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    // The members' zones are looked up once a day, however often gavel plans.
    expect(h.slack.calls.filter((c) => c.method === 'conversations.members')).toHaveLength(1);
    expect(h.slack.calls.filter((c) => c.method === 'users.info')).toHaveLength(3);
    h.clock.set(NOTICE_AT);
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Berlin on 28 March. ' +
        'On 18 and 25 March the Weekly call is at 17:00 in Berlin (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    ]);

    const reminderOf = async (startsAt: string) => {
      h.clock.set(new Date(new Date(startsAt).getTime() - 10 * 60_000));
      await h.gavel.replanAll();
      await h.gavel.tick();
      const posted = h.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));
      return JSON.stringify(posted[posted.length - 1]?.['blocks']);
    };
    expect(await reminderOf(FIRST_SHIFTED)).toContain(
      ':clock3: Clocks have changed on one side only: this time it is at 17:00 in Berlin (one hour earlier than usual).',
    );
    // After Europe's change the call is at its usual 18:00 in Berlin again.
    expect(await reminderOf('2027-04-01T16:00:00.000Z')).not.toContain('Clocks have changed');
  });

  it('shows the shift in the weekly digest of a week with a shifted meeting', async () => {
    const digestYaml = `digest: { channel: "#random", day: friday, time: "16:00", timezone: Europe/Berlin }\n${EUROPE}`;
    h = await startHarness({ engine, now: '2027-03-10T12:00:00.000Z', groupsYaml: digestYaml });
    // Friday 12 March, 16:00 in Berlin: the week of Monday 15 March.
    h.clock.set('2027-03-12T15:00:00.000Z');
    await h.gavel.tick();
    const [digest] = h.slack.messages().filter((m) => metadataKeyOf(m)?.startsWith('digest:'));
    expect(String(digest?.['text'])).toMatch(
      /Weekly call, <!date\^1805385600\^[^>]*> · _clocks change on one side only: 17:00 in Berlin and 16:00 in London \(one hour earlier than usual\)_$/m,
    );
  });
});

// Each season and direction through the real app: the one notice a week ahead of the first
// shifted meeting, and nothing more by the end of the season.
const SEASONS = [
  {
    season: 'autumn, a Los Angeles meeting with Europe',
    zone: 'America/Los_Angeles',
    time: '09:00',
    audience: '[Europe/Berlin, Europe/London]',
    from: '2027-10-20T12:00:00.000Z',
    until: '2027-11-12T12:00:00.000Z',
    text:
      ':clock3: Heads-up: clocks change in Berlin and London on 31 October and in Los Angeles on 7 November. ' +
      'On 4 November the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
      'still 09:00 in Los Angeles.',
  },
  {
    season: 'spring, a Berlin meeting with New York',
    zone: 'Europe/Berlin',
    time: '17:00',
    audience: '[America/New_York]',
    from: '2027-03-01T12:00:00.000Z',
    until: '2027-04-02T12:00:00.000Z',
    text:
      ':clock3: Heads-up: clocks change in New York on 14 March and in Berlin on 28 March. ' +
      'On 18 and 25 March the Weekly call is at 12:00 in New York (one hour later than usual); still 17:00 in Berlin.',
  },
  {
    season: 'autumn, a Berlin meeting with New York',
    zone: 'Europe/Berlin',
    time: '17:00',
    audience: '[America/New_York]',
    from: '2027-10-20T12:00:00.000Z',
    until: '2027-11-12T12:00:00.000Z',
    text:
      ':clock3: Heads-up: clocks change in Berlin on 31 October and in New York on 7 November. ' +
      'On 4 November the Weekly call is at 12:00 in New York (one hour later than usual); still 17:00 in Berlin.',
  },
  {
    season: 'northern spring, a Los Angeles meeting with Sydney',
    zone: 'America/Los_Angeles',
    time: '09:00',
    audience: '[Australia/Sydney]',
    from: '2027-03-01T12:00:00.000Z',
    until: '2027-04-09T12:00:00.000Z',
    text:
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Sydney on 4 April. ' +
      'On 18 and 25 March and 1 April the Weekly call is at 03:00 in Sydney the next day (one hour earlier than usual); ' +
      'still 09:00 in Los Angeles.',
  },
  {
    season: 'northern autumn, a Los Angeles meeting with Sydney',
    zone: 'America/Los_Angeles',
    time: '09:00',
    audience: '[Australia/Sydney]',
    from: '2027-09-20T12:00:00.000Z',
    until: '2027-11-12T12:00:00.000Z',
    text:
      ':clock3: Heads-up: clocks change in Sydney on 3 October and in Los Angeles on 7 November. ' +
      'On 7, 14, 21 and 28 October and 4 November the Weekly call is at 03:00 in Sydney the next day (one hour later than usual); ' +
      'still 09:00 in Los Angeles.',
  },
] as const;

describe.each(ENGINES)('DST notices of each season on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  it.each(SEASONS)('$season', async ({ zone, time, audience, from, until, text }) => {
    h = await startHarness({
      engine,
      now: from,
      groupsYaml: yaml(`    audience_zones: ${audience}`)
        .replace('timezone: America/Los_Angeles', `timezone: ${zone}`)
        .replace('time: "09:00"', `time: "${time}"`),
    });
    // A day at a time through the season: the notice goes when due, and once.
    for (let at = Date.parse(from); at <= Date.parse(until); at += 24 * 3_600_000) {
      h.clock.set(new Date(at));
      await h.gavel.replanAll();
      await h.gavel.tick();
    }
    const posted = h.slack
      .messages()
      .filter((m) => m['channel'] === SERVERLESS_CHANNEL && String(m['text']).startsWith(':clock3: Heads-up'))
      .map((m) => String(m['text']));
    expect(posted).toEqual([text]);
  });
});

describe('gavel preview of DST notices', () => {
  it('lists the notices it will post, with their dates', () => {
    const out = previewOf(EUROPE, '2027-03-01T12:00:00.000Z');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(
      `  DST notice, posted Thu 2027-03-11 08:00 PST (16:00 UTC):\n     ${SPRING_TEXT}`,
    );
  });
});
