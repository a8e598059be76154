import { describe, expect, it } from 'vitest';
import type { ExtraMeeting, MeetingRule } from '../../src/core/group.js';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import type { ScheduleInput } from '../../src/core/schedule/occurrences.js';
import { nextOccurrence, occurrenceOn, occurrencesBetween } from '../../src/core/schedule/occurrences.js';

const d = (s: string) => s as LocalDate;
const t = (s: string) => s as LocalTime;
const at = (iso: string) => new Date(iso);

function rule(over: Partial<MeetingRule>): MeetingRule {
  return {
    id: 'meeting-0',
    title: 'Working group',
    weekday: 'thursday',
    time: t('09:00'),
    durationMinutes: 60,
    frequency: { kind: 'weekly', interval: 1, anchor: undefined },
    from: undefined,
    until: undefined,
    joinUrl: undefined,
    dialIn: undefined,
    ...over,
  };
}

function extra(over: Partial<ExtraMeeting>): ExtraMeeting {
  return {
    date: d('2026-03-20'),
    time: t('10:00'),
    title: 'Extra meeting',
    durationMinutes: 30,
    joinUrl: undefined,
    dialIn: undefined,
    ...over,
  };
}

function group(over: Partial<ScheduleInput>): ScheduleInput {
  return { timeZone: 'UTC', meetings: [], extraMeetings: [], cancelled: [], ...over };
}

const starts = (g: ScheduleInput, from: string, to: string) =>
  occurrencesBetween(g, at(from), at(to)).map((o) => o.startsAt.toISOString());
const dates = (g: ScheduleInput, from: string, to: string) =>
  occurrencesBetween(g, at(from), at(to)).map((o) => o.localDate);

const serverless = group({
  timeZone: 'America/Los_Angeles',
  meetings: [
    rule({
      id: 'weekly',
      title: 'CNCF Serverless WG',
      joinUrl: 'https://zoom.us/j/123',
      dialIn: '+1 555 0100',
    }),
  ],
});

describe('a weekly meeting (CNCF Serverless WG, Thursdays 09:00 America/Los_Angeles)', () => {
  it('stays at 09:00 local across the spring transition: 17:00Z in winter, 16:00Z in summer', () => {
    expect(starts(serverless, '2026-02-25T00:00:00Z', '2026-03-20T00:00:00Z')).toEqual([
      '2026-02-26T17:00:00.000Z',
      '2026-03-05T17:00:00.000Z',
      '2026-03-12T16:00:00.000Z',
      '2026-03-19T16:00:00.000Z',
    ]);
  });

  it('stays at 09:00 local across the autumn transition (2026-11-01)', () => {
    expect(starts(serverless, '2026-10-20T00:00:00Z', '2026-11-13T00:00:00Z')).toEqual([
      '2026-10-22T16:00:00.000Z',
      '2026-10-29T16:00:00.000Z',
      '2026-11-05T17:00:00.000Z',
      '2026-11-12T17:00:00.000Z',
    ]);
  });

  it('describes each occurrence with its local date, end, title, rule and links', () => {
    expect(occurrencesBetween(serverless, at('2026-03-12T00:00:00Z'), at('2026-03-13T00:00:00Z'))).toEqual([
      {
        startsAt: at('2026-03-12T16:00:00Z'),
        endsAt: at('2026-03-12T17:00:00Z'),
        localDate: '2026-03-12',
        title: 'CNCF Serverless WG',
        source: 'rule',
        ruleId: 'weekly',
        joinUrl: 'https://zoom.us/j/123',
        dialIn: '+1 555 0100',
        cancelled: false,
      },
    ]);
  });

  it('includes an occurrence starting exactly at `from` and excludes one starting exactly at `to`', () => {
    expect(starts(serverless, '2026-03-05T17:00:00Z', '2026-03-19T16:00:00Z')).toEqual([
      '2026-03-05T17:00:00.000Z',
      '2026-03-12T16:00:00.000Z',
    ]);
  });

  it('returns nothing for an empty or reversed window', () => {
    expect(starts(serverless, '2026-03-05T17:00:00Z', '2026-03-05T17:00:00Z')).toEqual([]);
    expect(starts(serverless, '2026-04-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual([]);
  });
});

describe('every other week (Tuesdays 17:00 Europe/Berlin, counted from 2026-01-13)', () => {
  const biweekly = group({
    timeZone: 'Europe/Berlin',
    meetings: [
      rule({
        weekday: 'tuesday',
        time: t('17:00'),
        frequency: { kind: 'weekly', interval: 2, anchor: d('2026-01-13') },
      }),
    ],
  });

  it('meets on the anchor and every 14 days after it, never before it', () => {
    expect(dates(biweekly, '2025-12-01T00:00:00Z', '2026-02-28T00:00:00Z')).toEqual([
      '2026-01-13',
      '2026-01-27',
      '2026-02-10',
      '2026-02-24',
    ]);
  });

  it('keeps 17:00 local across the transition of 2026-03-29 (16:00Z, then 15:00Z)', () => {
    expect(starts(biweekly, '2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z')).toEqual([
      '2026-03-24T16:00:00.000Z',
      '2026-04-07T15:00:00.000Z',
    ]);
  });

  it('counts from the first rule weekday on or after an anchor that is not one', () => {
    const fromMonday = group({
      timeZone: 'Europe/Berlin',
      meetings: [
        rule({
          weekday: 'tuesday',
          time: t('17:00'),
          frequency: { kind: 'weekly', interval: 2, anchor: d('2026-01-12') },
        }),
      ],
    });
    expect(dates(fromMonday, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).toEqual([
      '2026-01-13',
      '2026-01-27',
    ]);
  });

  it('keeps the anchor’s weeks when `from` starts the rule later, off-cycle', () => {
    const later = group({
      timeZone: 'Europe/Berlin',
      meetings: [
        rule({
          weekday: 'tuesday',
          time: t('17:00'),
          frequency: { kind: 'weekly', interval: 2, anchor: d('2026-01-13') },
          from: d('2026-01-20'),
        }),
      ],
    });
    expect(dates(later, '2026-01-01T00:00:00Z', '2026-02-20T00:00:00Z')).toEqual([
      '2026-01-27',
      '2026-02-10',
    ]);
  });
});

describe('monthly meetings', () => {
  const monthly = (nth: 1 | 2 | 3 | 4 | 'last', weekday: MeetingRule['weekday']) =>
    group({
      timeZone: 'America/New_York',
      meetings: [rule({ weekday, time: t('16:00'), frequency: { kind: 'monthly', nth } })],
    });

  it('meets on the 2nd Tuesday of each month', () => {
    expect(dates(monthly(2, 'tuesday'), '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).toEqual([
      '2026-01-13',
      '2026-02-10',
      '2026-03-10',
      '2026-04-14',
      '2026-05-12',
    ]);
  });

  it('meets on the last Wednesday, whether the month has four or five of them', () => {
    // January 2026 has four Wednesdays (last: 28th), April 2026 five (last: 29th).
    expect(dates(monthly('last', 'wednesday'), '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual([
      '2026-01-28',
      '2026-02-25',
      '2026-03-25',
      '2026-04-29',
    ]);
  });

  it('tells the 4th Wednesday from the last one in a month with five', () => {
    expect(dates(monthly(4, 'wednesday'), '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual([
      '2026-04-22',
    ]);
  });

  it('crosses a year end', () => {
    expect(dates(monthly(1, 'monday'), '2026-11-15T00:00:00Z', '2027-02-15T00:00:00Z')).toEqual([
      '2026-12-07',
      '2027-01-04',
      '2027-02-01',
    ]);
  });
});

describe('from and until', () => {
  it('are inclusive local dates', () => {
    const bounded = group({
      timeZone: 'America/Los_Angeles',
      meetings: [rule({ from: d('2026-03-05'), until: d('2026-03-19') })],
    });
    expect(dates(bounded, '2026-02-01T00:00:00Z', '2026-04-30T00:00:00Z')).toEqual([
      '2026-03-05',
      '2026-03-12',
      '2026-03-19',
    ]);
  });

  it('an until the day before a meeting ends the rule before it', () => {
    const bounded = group({ timeZone: 'America/Los_Angeles', meetings: [rule({ until: d('2026-03-18') })] });
    expect(dates(bounded, '2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z')).toEqual([
      '2026-03-05',
      '2026-03-12',
    ]);
  });
});

describe('extra meetings', () => {
  it('are one-offs merged in start order', () => {
    const g = group({
      timeZone: 'America/Los_Angeles',
      meetings: serverless.meetings,
      extraMeetings: [extra({ date: d('2026-03-16'), time: t('08:00'), title: 'Spec sprint' })],
    });
    const found = occurrencesBetween(g, at('2026-03-10T00:00:00Z'), at('2026-03-20T00:00:00Z'));
    expect(found.map((o) => [o.localDate, o.source, o.title, o.ruleId])).toEqual([
      ['2026-03-12', 'rule', 'CNCF Serverless WG', 'weekly'],
      ['2026-03-16', 'extra', 'Spec sprint', null],
      ['2026-03-19', 'rule', 'CNCF Serverless WG', 'weekly'],
    ]);
    expect(found[1]?.startsAt).toEqual(at('2026-03-16T15:00:00Z'));
    expect(found[1]?.endsAt).toEqual(at('2026-03-16T15:30:00Z'));
  });

  it('give way to a rule that starts at the same instant', () => {
    const g = group({
      timeZone: 'America/Los_Angeles',
      meetings: serverless.meetings,
      extraMeetings: [extra({ date: d('2026-03-12'), time: t('09:00'), title: 'Duplicate' })],
    });
    expect(occurrencesBetween(g, at('2026-03-12T00:00:00Z'), at('2026-03-13T00:00:00Z'))).toEqual([
      expect.objectContaining({ source: 'rule', title: 'CNCF Serverless WG' }),
    ]);
  });

  it('of two rules starting at the same instant, the first configured wins', () => {
    const g = group({
      timeZone: 'UTC',
      meetings: [rule({ id: 'a', title: 'A' }), rule({ id: 'b', title: 'B' })],
    });
    expect(occurrencesBetween(g, at('2026-03-12T00:00:00Z'), at('2026-03-13T00:00:00Z'))).toEqual([
      expect.objectContaining({ ruleId: 'a' }),
    ]);
  });
});

describe('cancelled dates', () => {
  const g = group({ ...serverless, cancelled: [d('2026-03-12')] });

  it('are still returned, marked cancelled', () => {
    expect(
      occurrencesBetween(g, at('2026-03-01T00:00:00Z'), at('2026-03-20T00:00:00Z')).map((o) => [
        o.localDate,
        o.cancelled,
      ]),
    ).toEqual([
      ['2026-03-05', false],
      ['2026-03-12', true],
      ['2026-03-19', false],
    ]);
  });

  it('are skipped by nextOccurrence', () => {
    expect(nextOccurrence(g, at('2026-03-06T00:00:00Z'))?.localDate).toBe('2026-03-19');
  });

  it('are included by occurrenceOn', () => {
    expect(occurrenceOn(g, d('2026-03-12'))).toEqual([
      expect.objectContaining({ startsAt: at('2026-03-12T16:00:00Z'), cancelled: true }),
    ]);
  });
});

describe('nextOccurrence', () => {
  it('is the first occurrence starting strictly after now', () => {
    expect(nextOccurrence(serverless, at('2026-03-12T16:00:00Z'))?.startsAt).toEqual(
      at('2026-03-19T16:00:00Z'),
    );
    expect(nextOccurrence(serverless, at('2026-03-12T15:59:59Z'))?.startsAt).toEqual(
      at('2026-03-12T16:00:00Z'),
    );
  });

  it('finds a meeting months ahead', () => {
    const yearly = group({
      timeZone: 'Asia/Tokyo',
      meetings: [rule({ frequency: { kind: 'weekly', interval: 52, anchor: d('2026-01-01') } })],
    });
    expect(nextOccurrence(yearly, at('2026-01-02T00:00:00Z'))?.localDate).toBe('2026-12-31');
  });

  it('is undefined when nothing is left within about 400 days', () => {
    const ended = group({ timeZone: 'UTC', meetings: [rule({ until: d('2026-01-01') })] });
    expect(nextOccurrence(ended, at('2026-03-01T00:00:00Z'))).toBeUndefined();
    const late = group({ timeZone: 'UTC', extraMeetings: [extra({ date: d('2028-01-01') })] });
    expect(nextOccurrence(late, at('2026-03-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('occurrenceOn', () => {
  it('lists the occurrences a local date names, in start order', () => {
    const g = group({
      timeZone: 'Pacific/Auckland',
      meetings: [rule({ time: t('21:00') })],
      extraMeetings: [extra({ date: d('2026-03-12'), time: t('07:00') })],
    });
    expect(occurrenceOn(g, d('2026-03-12')).map((o) => [o.source, o.startsAt.toISOString()])).toEqual([
      ['extra', '2026-03-11T18:00:00.000Z'],
      ['rule', '2026-03-12T08:00:00.000Z'],
    ]);
  });

  it('is empty on a date without meetings', () => {
    expect(occurrenceOn(serverless, d('2026-03-13'))).toEqual([]);
  });
});

describe('meetings whose wall time a transition skips or repeats', () => {
  it('a meeting in the spring-forward gap moves forward by the gap (02:30 → 03:30 EDT)', () => {
    const g = group({
      timeZone: 'America/New_York',
      meetings: [rule({ weekday: 'sunday', time: t('02:30') })],
    });
    expect(starts(g, '2026-03-01T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual([
      '2026-03-01T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-15T06:30:00.000Z',
    ]);
  });

  it('a meeting in the fall-back overlap happens once, at the first 01:30 (EDT)', () => {
    const g = group({
      timeZone: 'America/New_York',
      meetings: [rule({ weekday: 'sunday', time: t('01:30') })],
    });
    expect(starts(g, '2026-10-25T00:00:00Z', '2026-11-09T00:00:00Z')).toEqual([
      '2026-10-25T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-08T06:30:00.000Z',
    ]);
  });
});

describe('planning cost', () => {
  it('plans six weeks for 100 groups quickly', () => {
    const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
    const groups = Array.from({ length: 100 }, (_, i) =>
      group({
        timeZone: zones[i % zones.length]!,
        meetings: [
          rule({}),
          rule({ id: 'm', weekday: 'monday', frequency: { kind: 'monthly', nth: 'last' } }),
        ],
      }),
    );
    const started = performance.now();
    const total = groups.reduce(
      (n, g) => n + occurrencesBetween(g, at('2026-03-01T00:00:00Z'), at('2026-04-12T00:00:00Z')).length,
      0,
    );
    // Six Thursdays and the last Monday of March per group.
    expect(total).toBe(100 * 7);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
