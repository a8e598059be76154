import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';

/** The group's `cancel_if_no_agenda` (issue 17, part 3). */
const withSetting = (line: string) => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - { day: thursday, time: "09:00" }
${line}
`;

const groupOf = (yaml: string) => {
  const r = parseGroups(yaml);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.groups[0]!;
};

const problemsOf = (yaml: string) => {
  const r = parseGroups(yaml);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('cancel_if_no_agenda', () => {
  it('reads a duration as minutes before the start', () => {
    expect(groupOf(withSetting('    cancel_if_no_agenda: 24h')).cancelIfNoAgendaMinutes).toBe(1440);
    expect(groupOf(withSetting('    cancel_if_no_agenda: 90m')).cancelIfNoAgendaMinutes).toBe(90);
    expect(groupOf(withSetting('    cancel_if_no_agenda: 14d')).cancelIfNoAgendaMinutes).toBe(14 * 1440);
    expect(groupOf(withSetting('    cancel_if_no_agenda: 2w')).cancelIfNoAgendaMinutes).toBe(14 * 1440);
  });

  it('is off when absent', () => {
    expect(groupOf(withSetting('')).cancelIfNoAgendaMinutes).toBeUndefined();
  });

  it('refuses a duration that does not parse, naming its path', () => {
    for (const bad of ['tomorrow', '"0h"', '"24"', '1.5h']) {
      expect(problemsOf(withSetting(`    cancel_if_no_agenda: ${bad}`))).toEqual([
        'groups.serverless.cancel_if_no_agenda: expected a duration like 10m, 1h or 2d',
      ]);
    }
  });

  it('refuses a duration longer than 14 days, naming its path', () => {
    for (const long of ['15d', '337h', '3w']) {
      expect(problemsOf(withSetting(`    cancel_if_no_agenda: ${long}`))).toEqual([
        'groups.serverless.cancel_if_no_agenda: at most 14d: further ahead an empty agenda says little',
      ]);
    }
  });

  it('refuses anything but a string', () => {
    expect(problemsOf(withSetting('    cancel_if_no_agenda: true'))[0]).toMatch(
      /^groups\.serverless\.cancel_if_no_agenda: /,
    );
  });
});
