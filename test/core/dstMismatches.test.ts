import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { clockChanges } from '../../src/core/dst/clockChanges.js';
import { dstMismatches } from '../../src/core/dst/dstMismatches.js';
import { dstNoticeJobSpec } from '../../src/core/dst/dstNoticeJob.js';
import { dstNoticeText, dstReminderLine, shiftWords } from '../../src/core/dst/dstNoticeText.js';
import type { Group } from '../../src/core/group.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';

const HOUR = 3_600_000;

// Thursdays 09:00 in `zone`, all of 2027. The US changes on 14 Mar and 7 Nov 2027, Europe on
// 28 Mar and 31 Oct, Australia/Sydney on 4 Apr (back) and 3 Oct (forward).
const weekly = (zone: string, extra = ''): Group => {
  const r = parseGroups(`
groups:
  wg:
    name: Working group
    channel: "#wg"
    timezone: ${zone}
    leads: [U0LEAD0001]
    meetings: [{ title: Weekly call, day: thursday, time: "09:00" }]
${extra}`);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.groups[0]!;
};
const YEAR = [new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z')] as const;
const planned = (g: Group) => occurrencesBetween(g, ...YEAR);
const mismatches = (g: Group, audience: readonly string[]) => dstMismatches(g.timeZone, audience, planned(g));

/** Per mismatch: its first clock change, and per shifted meeting its date and zones with shifts in hours. */
const summary = (g: Group, audience: readonly string[]) =>
  mismatches(g, audience).map((m) => ({
    startsAt: m.startsAt.toISOString(),
    meetings: m.meetings.map((x) => [
      x.occurrence.startsAt.toISOString().slice(0, 10),
      ...x.shifted.map((s) => `${s.zone} ${s.shiftMs / HOUR}h`),
    ]),
  }));

describe('clock changes', () => {
  it('finds each change of a zone’s offset to the minute, with the offsets either side', () => {
    const changes = clockChanges(
      'Europe/Berlin',
      Date.parse('2027-01-01T00:00Z'),
      Date.parse('2028-01-01T00:00Z'),
    );
    expect(changes.map((c) => [c.at.toISOString(), c.beforeMs / HOUR, c.afterMs / HOUR])).toEqual([
      ['2027-03-28T01:00:00.000Z', 1, 2],
      ['2027-10-31T01:00:00.000Z', 2, 1],
    ]);
    expect(
      clockChanges('Asia/Kolkata', Date.parse('2027-01-01T00:00Z'), Date.parse('2028-01-01T00:00Z')),
    ).toEqual([]);
  });
});

describe('DST mismatches: a meeting in Los Angeles, its audience in Europe', () => {
  const la = weekly('America/Los_Angeles');
  const europe = ['Europe/Berlin', 'Europe/London'];

  it('in spring, the weeks between the US change and Europe’s are an hour early in Europe', () => {
    expect(summary(la, europe)[0]).toEqual({
      startsAt: '2027-03-14T10:00:00.000Z',
      meetings: [
        ['2027-03-18', 'Europe/Berlin -1h', 'Europe/London -1h'],
        ['2027-03-25', 'Europe/Berlin -1h', 'Europe/London -1h'],
      ],
    });
  });

  it('in autumn, the one week between Europe’s change and the US’s is an hour early too', () => {
    expect(summary(la, europe)[1]).toEqual({
      startsAt: '2027-10-31T01:00:00.000Z',
      meetings: [['2027-11-04', 'Europe/Berlin -1h', 'Europe/London -1h']],
    });
    expect(summary(la, europe)).toHaveLength(2);
  });

  it('says so in one notice per season, with the times people will see, and in one line in a reminder', () => {
    const [spring, autumn] = mismatches(la, europe);
    expect(dstNoticeText(la.timeZone, spring!)).toBe(
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Berlin and London on 28 March. ' +
        'On 18 and 25 March the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    );
    expect(dstNoticeText(la.timeZone, autumn!)).toBe(
      ':clock3: Heads-up: clocks change in Berlin and London on 31 October and in Los Angeles on 7 November. ' +
        'On 4 November the Weekly call is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    );
    expect(dstReminderLine(spring!.meetings[0]!, 'America/Los_Angeles')).toBe(
      ':clock3: Clocks have changed on one side only: this time it is at 17:00 in Berlin and 16:00 in London (one hour earlier than usual).',
    );
  });

  it('is posted the notice’s lead before the first shifted meeting, keyed by the season’s first change', () => {
    const [spring] = mismatches(la, europe);
    expect(dstNoticeJobSpec(la.id, spring!, 7 * 24 * 60)).toEqual({
      key: 'notice-dst:wg:2027-03-14T10:00:00.000Z',
      kind: 'notice-dst',
      payload: { groupId: 'wg', startsAt: '2027-03-14T10:00:00.000Z' },
      runAt: new Date('2027-03-11T16:00:00.000Z'),
    });
  });

  it('leaves out the meetings the groups file cancels', () => {
    const g = weekly('America/Los_Angeles', '    cancelled: [2027-03-18]');
    expect(summary(g, europe)[0]?.meetings).toEqual([
      ['2027-03-25', 'Europe/Berlin -1h', 'Europe/London -1h'],
    ]);
    const none = weekly('America/Los_Angeles', '    cancelled: [2027-03-18, 2027-03-25, 2027-11-04]');
    expect(summary(none, europe)).toEqual([]);
  });
});

describe('DST mismatches: a meeting in Berlin, its audience in New York', () => {
  const berlin = weekly('Europe/Berlin');

  it('is an hour late in New York while the US has changed and Europe not yet, in spring and in autumn', () => {
    expect(summary(berlin, ['America/New_York'])).toEqual([
      {
        startsAt: '2027-03-14T07:00:00.000Z',
        meetings: [
          ['2027-03-18', 'America/New_York 1h'],
          ['2027-03-25', 'America/New_York 1h'],
        ],
      },
      { startsAt: '2027-10-31T01:00:00.000Z', meetings: [['2027-11-04', 'America/New_York 1h']] },
    ]);
    expect(dstNoticeText(berlin.timeZone, mismatches(berlin, ['America/New_York'])[0]!)).toBe(
      ':clock3: Heads-up: clocks change in New York on 14 March and in Berlin on 28 March. ' +
        'On 18 and 25 March the Weekly call is at 04:00 in New York (one hour later than usual); ' +
        'still 09:00 in Berlin.',
    );
  });
});

describe('DST mismatches: a Southern-hemisphere audience (Australia/Sydney)', () => {
  it('counts from the wall time before the first change until Sydney’s own clocks change', () => {
    const la = weekly('America/Los_Angeles');
    // 04:00 AEDT (the next day) in winter; the US springs forward on 14 Mar: 03:00 until Sydney
    // falls back on 4 Apr, whose new season's usual is 02:00 AEST. In October Sydney springs
    // forward first (3 Oct): 03:00 instead of 02:00 until the US falls back on 7 Nov.
    expect(summary(la, ['Australia/Sydney'])).toEqual([
      {
        startsAt: '2027-03-14T10:00:00.000Z',
        meetings: ['2027-03-18', '2027-03-25', '2027-04-01'].map((d) => [d, 'Australia/Sydney -1h']),
      },
      {
        startsAt: '2027-10-02T16:00:00.000Z',
        meetings: ['2027-10-07', '2027-10-14', '2027-10-21', '2027-10-28', '2027-11-04'].map((d) => [
          d,
          'Australia/Sydney 1h',
        ]),
      },
    ]);
    expect(dstNoticeText(la.timeZone, mismatches(la, ['Australia/Sydney'])[0]!)).toBe(
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March and in Sydney on 4 April. ' +
        'On 18 and 25 March and 1 April the Weekly call is at 03:00 in Sydney the next day (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles.',
    );
  });

  it('joins Europe’s stretch to Sydney’s when they overlap: one notice for the season', () => {
    const la = weekly('America/Los_Angeles');
    const [spring] = mismatches(la, ['Europe/Berlin', 'Australia/Sydney']);
    expect(dstNoticeText(la.timeZone, spring!)).toBe(
      ':clock3: Heads-up: clocks change in Los Angeles on 14 March, in Berlin on 28 March and in Sydney on 4 April. ' +
        'On 18 and 25 March the Weekly call is at 17:00 in Berlin and 03:00 in Sydney the next day (one hour earlier than usual); ' +
        'still 09:00 in Los Angeles. ' +
        'On 1 April the Weekly call is at 03:00 in Sydney the next day (one hour earlier than usual); still 09:00 in Los Angeles.',
    );
    expect(mismatches(la, ['Europe/Berlin', 'Australia/Sydney'])).toHaveLength(2);
  });
});

describe('no DST mismatch', () => {
  it('for an audience in the group’s own zone, or one that changes at the same instants', () => {
    expect(mismatches(weekly('Europe/Berlin'), ['Europe/Berlin', 'Europe/Paris', 'Europe/London'])).toEqual(
      [],
    );
  });

  it('for an audience without daylight saving against a group without it', () => {
    expect(mismatches(weekly('Asia/Kolkata'), ['Asia/Tokyo', 'UTC'])).toEqual([]);
  });

  it('for zones of one country a few hours apart (New York changes before Los Angeles, no meeting between)', () => {
    expect(mismatches(weekly('America/Los_Angeles'), ['America/New_York', 'America/Chicago'])).toEqual([]);
  });

  it('for a zone without daylight saving: its meetings move with the group’s season, never back', () => {
    expect(mismatches(weekly('America/Los_Angeles'), ['Asia/Kolkata', 'America/Phoenix'])).toEqual([]);
  });

  it('without an audience, or without meetings', () => {
    expect(mismatches(weekly('America/Los_Angeles'), [])).toEqual([]);
    expect(dstMismatches('America/Los_Angeles', ['Europe/Berlin'], [])).toEqual([]);
  });
});

describe('shift words', () => {
  it('reads an hour, two, half an hour (Lord Howe), in either direction', () => {
    expect([HOUR, -2 * HOUR, 0.5 * HOUR, -1.5 * HOUR].map(shiftWords)).toEqual([
      'one hour later',
      'two hours earlier',
      '30 minutes later',
      '1 hour 30 minutes earlier',
    ]);
  });
});

describe('audience_zones and dst_notice in the groups file', () => {
  const parse = (extra: string) =>
    parseGroups(`
groups:
  wg:
    name: Working group
    channel: "#wg"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings: [{ day: thursday, time: "09:00" }]
${extra}`);

  it('defaults to a notice 7 days ahead and no zones of the file’s own; off turns it off', () => {
    const r = parse('');
    expect(r.ok && [r.groups[0]!.audienceZones, r.groups[0]!.dstNoticeMinutes]).toEqual([[], 7 * 24 * 60]);
    const off = parse('    dst_notice: "off"\n    audience_zones: [Europe/Berlin]');
    expect(off.ok && [off.groups[0]!.audienceZones, off.groups[0]!.dstNoticeMinutes]).toEqual([
      ['Europe/Berlin'],
      undefined,
    ]);
    // A bare `off`, which a YAML 1.1 reader hands over as false, is off too.
    const bare = parse('    dst_notice: off');
    expect(bare.ok && bare.groups[0]!.dstNoticeMinutes).toBeUndefined();
    const no = parse('    dst_notice: true');
    expect(no.ok).toBe(false);
  });

  it('names the path of a zone that is not one, and of a lead too long or not a duration', () => {
    expect(parse('    audience_zones: [Europe/Berlin, Mars/Olympus]')).toEqual({
      ok: false,
      problems: ['groups.wg.audience_zones[1]: expected an IANA time zone like America/Los_Angeles'],
    });
    const long = parse('    dst_notice: 30d');
    expect(long.ok || long.problems[0]).toMatch(/^groups\.wg\.dst_notice: /);
    const bad = parse('    dst_notice: soon');
    expect(bad.ok || bad.problems[0]).toBe('groups.wg.dst_notice: expected a duration like 10m, 1h or 2d');
  });
});

describe('a large audience', () => {
  it('names at most eight places per shift, so a reminder’s line stays within Slack’s limits', () => {
    const zones = [
      'Europe/Berlin',
      'Europe/London',
      'Europe/Paris',
      'Europe/Madrid',
      'Europe/Rome',
      'Europe/Vienna',
      'Europe/Prague',
      'Europe/Warsaw',
      'Europe/Lisbon',
      'Europe/Dublin',
    ];
    const [spring] = mismatches(weekly('America/Los_Angeles'), zones);
    expect(dstReminderLine(spring!.meetings[0]!, 'America/Los_Angeles')).toBe(
      ':clock3: Clocks have changed on one side only: this time it is at 17:00 in Berlin, 16:00 in London, ' +
        '17:00 in Paris, 17:00 in Madrid, 17:00 in Rome, 17:00 in Vienna, 17:00 in Prague, 17:00 in Warsaw ' +
        'and 2 more zones (one hour earlier than usual).',
    );
  });
});
