import { describe, expect, it } from 'vitest';
import { digestJobSpec, digestPostKey, isoWeekOf, nextDigestWeek } from '../../src/core/digest/digestWeek.js';
import type { DigestSettings } from '../../src/core/digest/digestSettings.js';
import { usualTimeIfOther } from '../../src/core/foundation/digestMeetings.js';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import type { MeetingRule } from '../../src/core/group.js';

const FRIDAY_BERLIN: DigestSettings = {
  channel: '#wg-all',
  weekday: 'friday',
  time: '16:00' as LocalTime,
  timeZone: 'Europe/Berlin',
};

describe('the digest’s week', () => {
  it('numbers weeks as ISO 8601 does, across years', () => {
    expect(isoWeekOf('2026-11-02' as LocalDate)).toBe('2026-W45');
    expect(isoWeekOf('2024-12-30' as LocalDate)).toBe('2025-W01');
    expect(isoWeekOf('2026-12-28' as LocalDate)).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04' as LocalDate)).toBe('2027-W01');
  });

  it('covers the week from the next Monday 00:00 in its zone, posted on its day of the week before', () => {
    // Wednesday 28 October 2026, noon UTC.
    const week = nextDigestWeek(FRIDAY_BERLIN, new Date('2026-10-28T12:00:00Z'));
    expect(week).toEqual({
      isoWeek: '2026-W45',
      monday: '2026-11-02',
      from: new Date('2026-11-01T23:00:00Z'),
      to: new Date('2026-11-08T23:00:00Z'),
      // Friday 30 October 16:00 CET (Berlin left summer time on the 25th).
      postAt: new Date('2026-10-30T15:00:00Z'),
    });
  });

  it('stays on the same week after its time until the week begins (a late digest is still posted)', () => {
    const saturday = nextDigestWeek(FRIDAY_BERLIN, new Date('2026-10-31T10:00:00Z'));
    expect(saturday.isoWeek).toBe('2026-W45');
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin: the next week's digest.
    expect(nextDigestWeek(FRIDAY_BERLIN, new Date('2026-11-01T23:30:00Z')).isoWeek).toBe('2026-W46');
  });

  it('on a Monday digest, covers the week after, not the one under way', () => {
    const monday = { ...FRIDAY_BERLIN, weekday: 'monday' as const, time: '08:00' as LocalTime };
    const week = nextDigestWeek(monday, new Date('2026-11-02T05:00:00Z'));
    expect(week.monday).toBe('2026-11-09');
    expect(week.postAt).toEqual(new Date('2026-11-02T07:00:00Z'));
  });

  it('keys its job by week and time, its post by week only', () => {
    const week = nextDigestWeek(FRIDAY_BERLIN, new Date('2026-10-28T12:00:00Z'));
    const later = nextDigestWeek(
      { ...FRIDAY_BERLIN, time: '17:00' as LocalTime },
      new Date('2026-10-28T12:00:00Z'),
    );
    expect(digestJobSpec(week).key).toBe('digest:2026-W45@2026-10-30T15:00:00.000Z');
    expect(digestJobSpec(later).key).not.toBe(digestJobSpec(week).key);
    expect(digestPostKey(week.isoWeek)).toBe('digest:2026-W45');
    expect(digestJobSpec(week).runAt).toEqual(week.postAt);
  });
});

describe('an unusual time', () => {
  const rule = { id: 'weekly', weekday: 'thursday', time: '09:00' } as unknown as MeetingRule;
  const group = { meetings: [rule], timeZone: 'America/Los_Angeles' };
  it('is noted for a one-off meeting on the rule’s weekday at another time, not at the usual one', () => {
    const added = { source: 'added', ruleId: null, localDate: '2026-11-26' as LocalDate } as const;
    expect(usualTimeIfOther(group, { ...added, startsAt: '2026-11-26T18:30:00.000Z' })).toBe('09:00');
    expect(usualTimeIfOther(group, { ...added, startsAt: '2026-11-26T17:00:00.000Z' })).toBeUndefined();
    expect(
      usualTimeIfOther(group, {
        ...added,
        localDate: '2026-11-27' as LocalDate,
        startsAt: '2026-11-27T18:30:00.000Z',
      }),
    ).toBeUndefined();
  });
});
