import { describe, expect, it } from 'vitest';
import type { MeetingRule } from '../../src/core/group.js';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';

const base: MeetingRule = {
  id: 'm',
  title: 'M',
  weekday: undefined,
  time: '09:00' as LocalTime,
  durationMinutes: 60,
  frequency: { kind: 'monthlyDay', day: 31 },
  from: undefined,
  until: undefined,
  joinUrl: 'https://zoom.example/main',
  dialIn: undefined,
};
const planned = (rule: MeetingRule, zone: string, from: string, to: string) =>
  occurrencesBetween(
    { timeZone: zone, meetings: [rule], extraMeetings: [], cancelled: [] },
    new Date(from),
    new Date(to),
  );

describe('monthly_day and rotating times', () => {
  it('monthly_day: 31 meets on the 31st, skipping the months without one', () => {
    const dates = planned(base, 'Europe/Berlin', '2026-01-01', '2027-01-01').map((o) => o.localDate);
    expect(dates).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
  });

  it('rotating times are taken in turn from from, each with its join link, at the right instant across DST', () => {
    const rule: MeetingRule = {
      ...base,
      weekday: 'tuesday',
      frequency: { kind: 'weekly', interval: 1, anchor: undefined },
      from: '2026-03-03' as LocalDate,
      time: '08:00' as LocalTime,
      times: [
        { time: '08:00' as LocalTime, joinUrl: undefined },
        { time: '17:00' as LocalTime, joinUrl: 'https://zoom.example/evening' },
      ],
    };
    // America/Los_Angeles moves to PDT on 2026-03-08.
    const got = planned(rule, 'America/Los_Angeles', '2026-03-01', '2026-03-25').map((o) => [
      o.startsAt.toISOString(),
      o.joinUrl,
    ]);
    expect(got).toEqual(
      [
        ['2026-03-03T16:00:00.000Z', 'https://zoom.example/main'],
        ['2026-03-11T00:00:00.000Z', 'https://zoom.example/evening'],
        ['2026-03-17T15:00:00.000Z', 'https://zoom.example/main'],
      ].slice(0, 3),
    );
  });
});
