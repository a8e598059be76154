import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';

const withCancellations = (extra: string) => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - day: thursday
        time: "09:00"
${extra}`;

const problemsOf = (yaml: string) => {
  const r = parseGroups(yaml);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('cancelled dates with reasons, and breaks', () => {
  it('reads bare dates, dates with a reason, and breaks whose days join the cancelled dates', () => {
    const r = parseGroups(
      withCancellations(`    cancelled: [2026-12-31, { date: 2026-12-24, reason: Christmas Eve }]
    breaks: [{ from: 2027-07-01, until: 2027-07-03, reason: Summer break }]`),
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const g = r.groups[0]!;
    expect(g.cancelled).toEqual(['2026-12-24', '2026-12-31', '2027-07-01', '2027-07-02', '2027-07-03']);
    expect(g.cancelReasons).toEqual({
      '2026-12-24': 'Christmas Eve',
      '2027-07-01': 'Summer break',
      '2027-07-02': 'Summer break',
      '2027-07-03': 'Summer break',
    });
    expect(g.breaks).toEqual([{ from: '2027-07-01', until: '2027-07-03', reason: 'Summer break' }]);
  });

  it.each([
    [
      '    breaks: [{ from: 2027-07-10, until: 2027-07-01, reason: Summer }]',
      'groups.serverless.breaks[0].until: 2027-07-01 is before from 2027-07-10',
    ],
    [
      '    breaks: [{ from: 2027-01-01, until: 2028-06-01, reason: Long }]',
      'groups.serverless.breaks[0].until: a break lasts at most 366 days',
    ],
    [
      '    breaks: [{ from: 2027-07-01, until: 2027-07-32, reason: Summer }]',
      'groups.serverless.breaks[0].until: expected a date YYYY-MM-DD',
    ],
    ['    breaks: [{ from: 2027-07-01, until: 2027-07-08 }]', 'groups.serverless.breaks[0].reason: '],
    [
      `    breaks: [{ from: 2027-07-01, until: 2027-07-08, reason: ${'x'.repeat(101)} }]`,
      'groups.serverless.breaks[0].reason: ',
    ],
    [
      `    cancelled: [{ date: 2026-12-24, reason: ${'x'.repeat(101)} }]`,
      'groups.serverless.cancelled[0].reason: ',
    ],
    [
      '    cancelled: [{ date: 2026-02-30, reason: Nope }]',
      'groups.serverless.cancelled[0].date: expected a date YYYY-MM-DD',
    ],
    ['    cancelled: [2026-13-01]', 'groups.serverless.cancelled[0].date: expected a date YYYY-MM-DD'],
    ['    cancelled: [{ date: 2026-12-24, why: x }]', 'groups.serverless.cancelled[0]: '],
  ])('refuses %s with its path', (yaml, problem) => {
    expect(problemsOf(withCancellations(yaml)).join('\n')).toContain(problem);
  });
});
