import { describe, expect, it } from 'vitest';
import type { MeetingRule } from '../../src/core/group.js';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import { dayNumber, localDateOf } from '../../src/core/schedule/civilDate.js';
import { parseRecurrence } from '../../src/core/schedule/parseRecurrence.js';
import { ruleDays } from '../../src/core/schedule/ruleDays.js';
import { ruleGapProblem } from '../../src/core/schedule/ruleGap.js';

const problem = (text: string) => {
  const parsed = parseRecurrence(text);
  return parsed.ok ? undefined : parsed.problem;
};

const rrule = (text: string, from?: string): MeetingRule => {
  const parsed = parseRecurrence(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return {
    id: 'r',
    title: 'R',
    weekday: undefined,
    time: '09:00' as LocalTime,
    durationMinutes: 60,
    frequency: { kind: 'rrule', recurrence: parsed.recurrence, text },
    from: from as LocalDate | undefined,
    until: undefined,
    joinUrl: undefined,
    dialIn: undefined,
  };
};

const dates = (rule: MeetingRule, first: string, last: string) =>
  ruleDays(rule, dayNumber(first as LocalDate), dayNumber(last as LocalDate)).map(localDateOf);

describe('parseRecurrence', () => {
  it('reads Kubernetes SIG Docs APAC: the Wednesday after the fourth Tuesday', () => {
    const rule = rrule('FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29');
    const got = dates(rule, '2026-01-01', '2026-12-31');
    expect(got).toEqual([
      '2026-01-28',
      '2026-02-25',
      '2026-03-25',
      '2026-04-29',
      '2026-05-27',
      '2026-06-24',
      '2026-07-29',
      '2026-08-26',
      '2026-09-23',
      '2026-10-28',
      '2026-11-25',
      '2026-12-23',
    ]);
    // Each is the day after that month's fourth Tuesday.
    for (const date of got) {
      const tuesday = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000);
      expect(tuesday.getUTCDay()).toBe(2);
      expect(Math.ceil(tuesday.getUTCDate() / 7)).toBe(4);
    }
  });

  it('accepts RRULE: in front and lower case', () => {
    expect(problem('rrule:freq=weekly;byday=tu,th')).toBeUndefined();
  });

  it.each([
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=2TU', /FREQ=YEARLY is not supported: write FREQ=MONTHLY with BYMONTH/],
    ['FREQ=HOURLY', /FREQ=HOURLY is not supported/],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=9', /BYHOUR is not supported/],
    ['FREQ=MONTHLY;BYYEARDAY=100', /BYYEARDAY is not supported/],
    ['FREQ=MONTHLY;BYDAY=4TU;BYMONTHDAY=1,2', /BYDAY=4TU with BYMONTHDAY/],
    ['FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=-1', /BYMONTHDAY=-1 with BYDAY/],
    ['FREQ=MONTHLY;BYMONTH=3;BYDAY=MO,FR;BYSETPOS=-1', /BYSETPOS cannot be combined with BYMONTH/],
    ['FREQ=MONTHLY;BYMONTH=1,10;BYDAY=MO', /BYMONTH=1,10: with several months a MONTHLY rule names one day/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY=XX/],
    ['FREQ=WEEKLY;BYDAY=TU;FOO=1', /FOO is not an RRULE part/],
    ['FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3;UNTIL=20270101', /COUNT and UNTIL/],
  ])('refuses %s, naming the part', (text, why) => {
    expect(problem(text)).toMatch(why);
  });

  it('accepts what the refusals point to', () => {
    expect(problem('FREQ=MONTHLY;BYMONTH=3;BYDAY=2TU')).toBeUndefined();
    expect(problem('FREQ=WEEKLY;BYDAY=MO;BYMONTH=1,10')).toBeUndefined();
    expect(problem('FREQ=MONTHLY;BYMONTH=3,9;BYDAY=2TU')).toBeUndefined();
  });
});

describe('ruleGapProblem', () => {
  it('refuses a rule with more than 400 days between meetings', () => {
    expect(ruleGapProblem(rrule('FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29'))).toMatch(
      /no meeting between 2000-02-29 and 2004-02-29; gavel needs one at least every 400 days/,
    );
    expect(ruleGapProblem(rrule('FREQ=MONTHLY;BYMONTH=3;BYDAY=2TU'))).toBeUndefined();
    expect(ruleGapProblem(rrule('FREQ=MONTHLY;BYMONTHDAY=31'))).toBeUndefined();
  });

  it('is content with a counted rule that ends', () => {
    expect(ruleGapProblem(rrule('FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3', '2026-01-01'))).toBeUndefined();
  });
});
