import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/cli/checkReport.js';
import { parseGroups } from '../../src/config/parseGroups.js';

const YAML = `
digest: { channel: "#wg-all", day: friday, time: "16:00", timezone: Europe/Berlin }
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - { day: thursday, time: "09:00" }
`;

describe('gavel check’s report', () => {
  it('shows the weekly digest after the groups', () => {
    const parsed = parseGroups(YAML);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const report = checkReport({
      envSource: 'the process environment',
      config: undefined,
      groupsFile: 'groups.yml',
      usedExample: false,
      groups: parsed.groups,
      digest: parsed.digest,
      problems: [],
      notes: [],
      remote: [],
    });
    expect(report).toContain(
      "\nWeekly digest: every Friday at 16:00 Europe/Berlin in #wg-all, next week's meetings (Monday to Sunday) of every group\n",
    );
  });
});
