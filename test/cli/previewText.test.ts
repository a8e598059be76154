import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import type { Group } from '../../src/core/group.js';
import { previewText } from '../../src/core/preview/previewText.js';
import { upcomingMeetings } from '../../src/core/preview/upcomingMeetings.js';
import { SERVERLESS_YAML } from './groupsFixture.js';

function group(id: string, yaml = SERVERLESS_YAML): Group {
  const parsed = parseGroups(yaml);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.groups.find((g) => g.id === id)!;
}

const preview = (g: Group, now: string) => {
  const at = new Date(now);
  return previewText(g, upcomingMeetings(g, at, 5), at);
};
const startLines = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('starts'));

describe('gavel preview: the coming meetings of a group', () => {
  it('keeps the local time across the end of daylight time, so the UTC time moves (16:00 → 17:00 UTC)', () => {
    const text = preview(group('serverless'), '2026-10-26T12:00:00Z');
    const starts = startLines(text);
    expect(starts[0]).toMatch(/Thu 2026-10-29 09:00 PDT\s+Thu 2026-10-29 16:00 UTC/);
    expect(starts[2]).toMatch(/Thu 2026-11-05 09:00 PST\s+Thu 2026-11-05 17:00 UTC/);
  });

  it('lists five meetings that will happen, with a cancelled date in between marked and not counted', () => {
    const g = group('serverless');
    const meetings = upcomingMeetings(g, new Date('2026-10-26T12:00:00Z'), 5);
    expect(meetings.map((m) => [m.occurrence.localDate, m.occurrence.cancelled])).toEqual([
      ['2026-10-29', false],
      ['2026-11-03', false],
      ['2026-11-05', false],
      ['2026-11-12', true],
      ['2026-11-19', false],
      ['2026-11-26', false],
    ]);
    const text = previewText(g, meetings, new Date('2026-10-26T12:00:00Z'));
    expect(text).toContain('Next 5 meetings after Mon 2026-10-26 12:00 UTC');
    expect(text).toMatch(/ -- Weekly call \(1h\) \[CANCELLED\]\n\s+starts\s+Thu 2026-11-12 09:00 PST/);
    expect(text).toContain('cancelled in the groups file: no reminders, no minutes');
    expect(text).toContain('2. KubeCon retro (90m) [one-off]');
    expect(text).toContain('5. Weekly call (1h)');
  });

  it('shows each reminder at its lead time in both zones', () => {
    const text = preview(group('serverless'), '2026-10-30T00:00:00Z');
    expect(text).toMatch(/reminder\s+Mon 2026-11-02 10:30 PST\s+Mon 2026-11-02 18:30 UTC\s+24h before/);
    expect(text).toMatch(/reminder\s+Tue 2026-11-03 10:20 PST\s+Tue 2026-11-03 18:20 UTC\s+10m before/);
  });

  it('counts a lead time as elapsed time: 24 hours before noon on the day clocks fall back is 13:00 the day before', () => {
    const yaml = SERVERLESS_YAML.replace(
      "date: 2026-11-03, time: '10:30'",
      "date: 2026-11-01, time: '12:00'",
    );
    const text = preview(group('serverless', yaml), '2026-10-30T00:00:00Z');
    expect(text).toMatch(/starts\s+Sun 2026-11-01 12:00 PST\s+Sun 2026-11-01 20:00 UTC/);
    expect(text).toMatch(/reminder\s+Sat 2026-10-31 13:00 PDT\s+Sat 2026-10-31 20:00 UTC\s+24h before/);
  });

  it('says when the minutes doc is created, and nothing of minutes for a group without them', () => {
    expect(preview(group('serverless'), '2026-10-26T12:00:00Z')).toMatch(
      /minutes\s+Thu 2026-10-29 07:00 PDT\s+Thu 2026-10-29 14:00 UTC\s+doc created, 2h before/,
    );
    expect(preview(group('cf-app-runtime'), '2026-10-26T12:00:00Z')).not.toMatch(/^\s+minutes\s/m);
  });

  it('marks a reminder whose moment has passed: the meeting is close', () => {
    const text = preview(group('serverless'), '2026-10-29T12:00:00Z');
    expect(text).toMatch(/24h before \(already past\)/);
    expect(text).toMatch(/10m before\n/);
  });

  it('ends with the first meeting’s reminder as text: join link, dial-in, empty agenda, button', () => {
    const text = preview(group('serverless'), '2026-10-26T12:00:00Z');
    const reminder = text.slice(text.indexOf('Reminder for meeting 1'));
    expect(reminder).toContain('│ CNCF Serverless WG: Weekly call');
    expect(reminder).toContain(
      "│ :calendar: *‹each reader's own time› (1h) · Thu 29 Oct 2026, 09:00 PDT (16:00 UTC)*",
    );
    expect(reminder).toContain('│ :link: Join the meeting (https://zoom.us/my/cncfserverlesswg)');
    expect(reminder).toContain('│ :telephone_receiver: US +1 669 900 6833');
    expect(reminder).toContain('│ No agenda items yet');
    expect(reminder).toContain('│ [Add agenda item]');
  });

  it('says so when a group has no meeting in the coming year', () => {
    const yaml = SERVERLESS_YAML.replace("time: '09:00'", "time: '09:00'\n        until: 2026-01-01").replace(
      "    extra_meetings:\n      - { date: 2026-11-03, time: '10:30', title: KubeCon retro, duration: 90m }\n",
      '',
    );
    const text = preview(group('serverless', yaml), '2026-10-26T12:00:00Z');
    expect(text).toContain('No meetings in the coming year.');
    expect(text).not.toContain('Reminder for meeting 1');
  });
});

describe('gavel preview: how each rule repeats', () => {
  const yaml = `
groups:
  docs:
    name: SIG Docs APAC
    channel: "#sig-docs-apac"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - { title: APAC call, time: "09:00", frequency: { rrule: "FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29" } }
      - { title: Triage, time: "10:00", frequency: { monthly_day: 31 } }
      - { title: Weekly, day: tuesday, from: 2027-03-02, times: ["08:00", "17:00"] }
`;

  it('names the RRULE, the day of the month and rotating times, then the meetings they give across DST', () => {
    const text = preview(group('docs', yaml), '2027-03-01T00:00:00Z');
    expect(text).toContain(
      'Repeats: APAC call: RRULE FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29, at 09:00',
    );
    expect(text).toContain(
      'Repeats: Triage: day 31 of each month (a month without it has no meeting), at 10:00',
    );
    expect(text).toContain('Repeats: Weekly: every tuesday, at 08:00, 17:00 in turn from 2027-03-02');
    const starts = startLines(text);
    expect(starts[0]).toMatch(/Tue 2027-03-02 08:00 PST\s+Tue 2027-03-02 16:00 UTC/);
    expect(starts[1]).toMatch(/Tue 2027-03-09 17:00 PST\s+Wed 2027-03-10 01:00 UTC/);
    expect(starts[2]).toMatch(/Tue 2027-03-16 08:00 PDT\s+Tue 2027-03-16 15:00 UTC/);
    expect(starts[3]).toMatch(/Tue 2027-03-23 17:00 PDT\s+Wed 2027-03-24 00:00 UTC/);
    expect(starts[4]).toMatch(/Wed 2027-03-24 09:00 PDT\s+Wed 2027-03-24 16:00 UTC/);
  });
});

describe('gavel preview: the agenda sources', () => {
  const yaml = SERVERLESS_YAML.replace(
    '    reminders: [24h, 10m]\n',
    `    reminders: [24h, 10m]
    agenda:
      standing: ['Open action items', 'Community news']
      counts:
        - { title: PRs waiting for review, query: 'is:pr is:open review:required repo:cloudevents/spec' }
`,
  );

  it('lists the standing items and each count with its query and search link', () => {
    const text = preview(group('serverless', yaml), '2026-10-26T12:00:00Z');
    expect(text).toContain('  Agenda sources (besides /agenda add):');
    expect(text).toContain('standing 1  Open action items   (heads every agenda, not numbered)');
    expect(text).toContain('standing 2  Community news');
    expect(text).toContain(
      'count      PRs waiting for review: is:pr is:open review:required repo:cloudevents/spec',
    );
    expect(text).toContain(
      'https://github.com/search?q=is%3Apr%20is%3Aopen%20review%3Arequired%20repo%3Acloudevents%2Fspec&type=pullrequests',
    );
  });

  it('shows them heading the reminder, the count to be filled in when posted', () => {
    const text = preview(group('serverless', yaml), '2026-10-26T12:00:00Z');
    expect(text).toMatch(
      /│ • Open action items\n\s+│ • Community news\n\s+│ • PRs waiting for review \(https:\/\/github\.com\/search\?q=[^)]+\): _counted when posted_/,
    );
  });

  it('says nothing of agenda sources for a group without them', () => {
    expect(preview(group('serverless'), '2026-10-26T12:00:00Z')).not.toContain('Agenda sources');
  });
});
