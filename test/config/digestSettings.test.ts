import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';

/** The groups file's `digest:` (issue 18, part 5). */
const withDigest = (digest: string) => `
digest: ${digest}
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - { day: thursday, time: "09:00" }
`;

const problemsOf = (yaml: string) => {
  const r = parseGroups(yaml);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('the digest setting', () => {
  it('reads channel, day, time and timezone', () => {
    const r = parseGroups(
      withDigest('{ channel: "#wg-all", day: friday, time: "16:00", timezone: Europe/Berlin }'),
    );
    expect(r.ok && r.digest).toEqual({
      channel: '#wg-all',
      weekday: 'friday',
      time: '16:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('takes a channel id', () => {
    const r = parseGroups(withDigest('{ channel: C0DIGEST01, day: monday, time: "08:00", timezone: UTC }'));
    expect(r.ok && r.digest?.channel).toBe('C0DIGEST01');
  });

  it('is off without `digest:`', () => {
    const r = parseGroups(withDigest('').replace('digest: \n', ''));
    expect(r.ok && r.digest).toBeUndefined();
  });

  it('names every bad field by its path', () => {
    const problems = problemsOf(
      withDigest('{ channel: "wg all", day: fryday, time: "25:00", timezone: Mars/Olympus }'),
    );
    expect(problems).toEqual([
      'digest.channel: expected a channel id (C…) or #channel-name',
      expect.stringMatching(/^digest\.day: expected one of monday, tuesday, .*sunday$/),
      'digest.time: expected HH:MM (24-hour, e.g. "09:00")',
      'digest.timezone: expected an IANA time zone like America/Los_Angeles',
    ]);
  });

  it('refuses a missing field and an unknown one', () => {
    const problems = problemsOf(
      withDigest('{ channel: "#wg-all", day: friday, time: "16:00", every: week }'),
    );
    expect(problems.some((p) => p.startsWith('digest.timezone:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('digest') && p.includes('every'))).toBe(true);
  });
});
