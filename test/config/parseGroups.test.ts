import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';

const minimal = (extra = '') => `
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

describe('the groups file', () => {
  it('accepts the example file, with the Serverless WG meeting Thursdays 09:00 Pacific', () => {
    const r = parseGroups(readFileSync('config/groups.example.yml', 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const serverless = r.groups.find((g) => g.id === 'serverless')!;
    expect(serverless.timeZone).toBe('America/Los_Angeles');
    expect(serverless.channel).toBe('#serverless');
    expect(serverless.meetings[0]).toMatchObject({ weekday: 'thursday', time: '09:00', durationMinutes: 60 });
    expect(serverless.reminderLeadMinutes).toEqual([1440, 10]);
    expect(r.groups.map((g) => g.id)).toContain('cf-app-runtime');
  });

  it('fills defaults: weekly, one hour, reminders 24h and 10m, agenda rolls over', () => {
    const r = parseGroups(minimal());
    expect(r.ok && r.groups[0]).toMatchObject({
      meetings: [
        { frequency: { kind: 'weekly', interval: 1 }, durationMinutes: 60, title: 'CNCF Serverless WG' },
      ],
      reminderLeadMinutes: [1440, 10],
      agendaRollover: 'roll-over',
      minutes: undefined,
      github: undefined,
    });
  });

  it('reads every-N-weeks and monthly nth/last weekday frequencies', () => {
    const r = parseGroups(
      minimal(`      - id: biweekly
        day: tuesday
        time: "17:00"
        frequency: { every_weeks: 2, from: 2026-01-13 }
      - id: planning
        day: friday
        time: "08:30"
        frequency: { monthly: last }
      - id: second
        day: tuesday
        time: "08:30"
        frequency: { monthly: 2nd }`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.groups[0]!.meetings.map((m) => m.frequency)).toEqual([
      { kind: 'weekly', interval: 1, anchor: undefined },
      { kind: 'weekly', interval: 2, anchor: '2026-01-13' },
      { kind: 'monthly', nth: 'last' },
      { kind: 'monthly', nth: 2 },
    ]);
  });

  it('names the exact path of every problem', () => {
    const problems = problemsOf(`
groups:
  serverless:
    name: WG
    channel: serverless
    timezone: Mars/Olympus
    leads: [alice]
    reminders: [soon]
    meetings:
      - day: thurs
        time: "9am"
        join_url: not a url
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'groups.serverless.channel: expected a channel id (C…) or #channel-name',
        'groups.serverless.timezone: expected an IANA time zone like America/Los_Angeles',
        expect.stringMatching(/^groups\.serverless\.leads\[0\]: expected a Slack user id/),
        'groups.serverless.reminders[0]: expected a duration like 10m, 1h or 2d',
        expect.stringMatching(/^groups\.serverless\.meetings\[0\]\.day: expected one of monday/),
        'groups.serverless.meetings[0].time: expected HH:MM (24-hour, e.g. "09:00")',
        'groups.serverless.meetings[0].join_url: expected an http(s) URL',
      ]),
    );
  });

  it('rejects impossible dates, unknown keys and two groups on one channel', () => {
    const problems = problemsOf(`
groups:
  a:
    name: A
    channel: "#shared"
    timezone: UTC
    leads: [U0LEAD0001]
    cancelled: [2026-02-30]
    meetings: [{ day: monday, time: "10:00", colour: blue }]
  b:
    name: B
    channel: "#shared"
    timezone: UTC
    leads: [U0LEAD0001]
    meetings: [{ day: monday, time: "10:00" }]
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'groups.a.cancelled[0].date: expected a date YYYY-MM-DD',
        expect.stringMatching(/^groups\.a\.meetings\[0\]: .*colour/),
      ]),
    );
    const dup = problemsOf(
      minimal().replace(
        'groups:',
        'groups:\n  other:\n    name: O\n    channel: "#serverless"\n    timezone: UTC\n    leads: [U0LEAD0001]\n    meetings: [{ day: monday, time: "10:00" }]',
      ),
    );
    expect(dup).toContain('groups.serverless.channel: #serverless is already the channel of group other');
  });

  it('reports a YAML syntax error once, with its line, column and the line itself', () => {
    const misindented = problemsOf('groups:\n  a:\n    name: x\n   channel: y\n');
    expect(misindented).toEqual([
      'YAML, line 4, column 1: All mapping items must start at the same column\n     channel: y\n  ^',
    ]);
    const unclosed = problemsOf('groups: [unclosed\n  b: 1\n');
    expect(unclosed).toHaveLength(1);
    expect(unclosed[0]).toMatch(/^YAML, line 1, column 10: /);
    expect(unclosed[0]!.split('\n').slice(1)).toEqual(['  groups: [unclosed', `${' '.repeat(11)}^`]);
  });

  it('answers an empty file with what a minimal one looks like', () => {
    for (const empty of ['', '# nothing yet\n']) {
      const [problem] = problemsOf(empty);
      expect(problem).toMatch(/^the groups file is empty\. A minimal one:\ngroups:\n {2}serverless:/);
      expect(parseGroups(problem!.split('\n').slice(1).join('\n')).ok).toBe(true);
    }
  });

  it('merges the shared and per-group Slack → GitHub login maps', () => {
    const r = parseGroups(
      `github_logins: { U0AAAAAAA1: alice, U0BBBBBBB2: bob }\n${minimal(`    github_logins: { U0BBBBBBB2: robert }\n    github: { repo: cncf/wg-serverless }`)}`,
    );
    expect(r.ok && r.groups[0]!.githubLogins).toEqual({ U0AAAAAAA1: 'alice', U0BBBBBBB2: 'robert' });
    expect(r.ok && r.groups[0]!.github).toEqual({
      owner: 'cncf',
      repo: 'wg-serverless',
      labels: [],
      otherRepos: [],
    });
  });

  describe('the meeting record', () => {
    it('keeps people in one place: organisation and GitHub login, github_logins still winning', () => {
      const r = parseGroups(
        `people:\n  U0AAAAAAA1: { organization: Google, github: alice }\n  U0BBBBBBB2: { organization: Microsoft }\ngithub_logins: { U0AAAAAAA1: alice-gh }\n${minimal()}`,
      );
      expect(r.ok && r.groups[0]!.organizations).toEqual({ U0AAAAAAA1: 'Google', U0BBBBBBB2: 'Microsoft' });
      expect(r.ok && r.groups[0]!.githubLogins).toEqual({ U0AAAAAAA1: 'alice-gh' });
    });

    it('reads scribes, the voting rule, recordings and the wrap-up, with defaults', () => {
      const r = parseGroups(
        minimal(
          `    scribes: [U0SCRIBE01]\n    voting: { attended: 3, of_last: 4 }\n    recordings: { expected: true, within: 2h }\n    wrap_up: { after: 5m }\n    github: { repo: cncf/wg-serverless, repos: [cloudevents/*, cncf/toc] }`,
        ),
      );
      expect(r.ok && r.groups[0]).toMatchObject({
        scribes: ['U0SCRIBE01'],
        voting: { attended: 3, ofLast: 4, per: 'organization' },
        recordings: { expected: true, withinMinutes: 120 },
        wrapUpAfterMinutes: 5,
        github: { otherRepos: ['cloudevents/*', 'cncf/toc'] },
      });
      const plain = parseGroups(minimal());
      expect(plain.ok && plain.groups[0]).toMatchObject({
        scribes: [],
        voting: undefined,
        recordings: { expected: false, withinMinutes: 1440 },
        wrapUpAfterMinutes: 15,
      });
    });

    it('refuses a voting rule that cannot be met, and a repository pattern that is not owner/name', () => {
      expect(problemsOf(minimal('    voting: { attended: 5, of_last: 4 }')).join()).toMatch(
        /attended cannot be more than of_last/,
      );
      expect(problemsOf(minimal('    github: { repo: cncf/wg-serverless, repos: ["*/*"] }')).join()).toMatch(
        /owner\/name or owner\/\*/,
      );
      expect(problemsOf(`people: { U0AAAAAAA1: { org: Google } }\n${minimal()}`).join()).toMatch(/people/);
    });

    it('reads where meetings are published, the repository defaulting to github.repo', () => {
      const r = parseGroups(minimal('    github: { repo: cncf/wg-serverless }\n    archive: {}'));
      expect(r.ok && r.groups[0]!.archive).toEqual({
        owner: 'cncf',
        repo: 'wg-serverless',
        pathPattern: 'meetings/{yyyy}/{date}.md',
        decisionsPath: 'DECISIONS.md',
        mode: 'pull-request',
        afterMinutes: 1440,
      });
      const own = parseGroups(
        minimal(
          '    archive: { repo: cncf/toc, path: "wg/{group}/{date}.md", decisions: wg/DECISIONS.md, mode: commit, after: 2h }',
        ),
      );
      expect(own.ok && own.groups[0]!.archive).toMatchObject({
        owner: 'cncf',
        repo: 'toc',
        pathPattern: 'wg/{group}/{date}.md',
        decisionsPath: 'wg/DECISIONS.md',
        mode: 'commit',
        afterMinutes: 120,
      });
      const none = parseGroups(minimal());
      expect(none.ok && none.groups[0]!.archive).toBeUndefined();
    });

    it('refuses a publication with no repository, or a path that is not one file per meeting inside the repository', () => {
      expect(problemsOf(minimal('    archive: {}')).join()).toContain(
        'groups.serverless.archive.repo: name the repository to publish to (owner/name), or set github.repo',
      );
      expect(problemsOf(minimal('    archive: { repo: a/b, path: "../{date}.md" }')).join()).toContain(
        'no ".."',
      );
      expect(problemsOf(minimal('    archive: { repo: a/b, path: "notes.md" }')).join()).toContain(
        'must name the date',
      );
      expect(problemsOf(minimal('    archive: { repo: a/b, mode: push }')).join()).toMatch(/archive\.mode/);
    });
  });
});

const withMeeting = (meeting: string) => `
groups:
  docs:
    name: SIG Docs APAC
    channel: "#sig-docs-apac"
    timezone: Australia/Sydney
    leads: [U0LEAD0001]
    meetings:
      - ${meeting}
`;

describe('any recurrence: rrule, monthly_day and rotating times', () => {
  it('reads the SIG Docs APAC RRULE (the Wednesday after the fourth Tuesday) without a day', () => {
    const r = parseGroups(
      withMeeting(
        '{ time: "05:00", frequency: { rrule: "FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29" } }',
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rule = r.groups[0]!.meetings[0]!;
    expect(rule.weekday).toBeUndefined();
    expect(rule.frequency).toMatchObject({
      kind: 'rrule',
      text: 'FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29',
      recurrence: { freq: 'MONTHLY', byDay: [{ weekday: 2 }], byMonthDay: [23, 24, 25, 26, 27, 28, 29] },
    });
  });

  it('reads monthly_day: 31 (months without a 31st are skipped by the schedule)', () => {
    const r = parseGroups(withMeeting('{ time: "09:00", frequency: { monthly_day: 31 } }'));
    expect(r.ok && r.groups[0]!.meetings[0]!.frequency).toEqual({ kind: 'monthlyDay', day: 31 });
  });

  it('folds the RRULE UNTIL into until: a date, or the last date whose meeting starts by a UTC UNTIL', () => {
    const until = (rrule: string, time = '09:00') => {
      const r = parseGroups(withMeeting(`{ time: "${time}", frequency: { rrule: "${rrule}" } }`));
      if (!r.ok) throw new Error(r.problems.join('\n'));
      return r.groups[0]!.meetings[0]!.until;
    };
    expect(until('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601')).toBe('2027-06-01');
    // 2027-06-01T00:00Z is 10:00 in Sydney: the 09:00 meeting that day is in, a 11:00 one out.
    expect(until('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T000000Z')).toBe('2027-06-01');
    expect(until('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601T000000Z', '11:00')).toBe('2027-05-31');
  });

  it('reads rotating times, plain or with their own join link, on a weekly rule with from', () => {
    const r = parseGroups(
      withMeeting(
        '{ day: tuesday, from: 2026-01-06, join_url: "https://zoom.example/a", times: ["08:00", { time: "17:00", join_url: "https://zoom.example/b" }] }',
      ),
    );
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.groups[0]!.meetings[0]).toMatchObject({
      time: '08:00',
      times: [
        { time: '08:00', joinUrl: undefined },
        { time: '17:00', joinUrl: 'https://zoom.example/b' },
      ],
    });
  });

  it.each([
    [
      '{ time: "09:00", frequency: { rrule: "FREQ=HOURLY" } }',
      'groups.docs.meetings[0].frequency.rrule: FREQ=HOURLY is not supported: a meeting happens at most once a day',
    ],
    [
      '{ time: "09:00", frequency: { rrule: "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,17" } }',
      'groups.docs.meetings[0].frequency.rrule: BYHOUR is not supported: a meeting happens once a day, at its time: (or times:)',
    ],
    [
      '{ time: "09:00", frequency: { rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=2TU" } }',
      'groups.docs.meetings[0].frequency.rrule: FREQ=YEARLY is not supported: write FREQ=MONTHLY with BYMONTH (for example FREQ=MONTHLY;BYMONTH=3;BYDAY=2TU)',
    ],
    [
      '{ time: "09:00", frequency: { rrule: "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29" } }',
      'groups.docs.meetings[0].frequency.rrule: no meeting between 2000-02-29 and 2004-02-29; gavel needs one at least every 400 days',
    ],
    [
      '{ time: "09:00", frequency: { rrule: "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1" } }',
      "groups.docs.meetings[0].from: the RRULE's INTERVAL counts from the first meeting on or after from: give from",
    ],
    [
      '{ time: "09:00", until: 2027-01-01, frequency: { rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270601" } }',
      "groups.docs.meetings[0].until: give until or the RRULE's UNTIL, not both",
    ],
    ['{ time: "09:00" }', 'groups.docs.meetings[0].day: required for weekly, every_weeks and monthly rules'],
    [
      '{ day: tuesday, time: "09:00", frequency: { monthly_day: 16 } }',
      'groups.docs.meetings[0].day: not used with monthly_day or rrule, which name the days themselves',
    ],
    [
      '{ times: ["08:00", "17:00"], frequency: { monthly_day: 16 } }',
      'groups.docs.meetings[0].times: rotating times need a weekly or every_weeks rule',
    ],
    [
      '{ day: tuesday, times: ["08:00", "17:00"] }',
      'groups.docs.meetings[0].from: rotating times are taken in turn from the first meeting on or after from: give from',
    ],
    [
      '{ day: tuesday, time: "09:00", times: ["08:00", "17:00"], from: 2026-01-06 }',
      'groups.docs.meetings[0].times: give time or times, not both',
    ],
    ['{ day: tuesday }', 'groups.docs.meetings[0].time: required (or times: for rotating times)'],
    ['{ time: "09:00", frequency: { monthly_day: 32 } }', 'groups.docs.meetings[0].frequency.monthly_day: '],
  ])('refuses %s with its path', (meeting, problem) => {
    expect(problemsOf(withMeeting(meeting)).join('\n')).toContain(problem);
  });

  it('reads agenda.standing and agenda.counts, in file order', () => {
    const r = parseGroups(
      minimal(`    agenda:
      standing: ['Open action items', 'Community news']
      counts:
        - { title: PRs waiting for review, query: 'is:pr is:open review:required repo:cloudevents/spec' }
`),
    );
    expect(r.ok && r.groups[0]).toMatchObject({
      agendaStanding: ['Open action items', 'Community news'],
      agendaCounts: [
        { title: 'PRs waiting for review', query: 'is:pr is:open review:required repo:cloudevents/spec' },
      ],
    });
  });

  it('bounds standing items and counts, each problem with its path', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `'Item ${i}'`).join(', ');
    expect(problemsOf(minimal(`    agenda:\n      standing: [${eleven}]\n`))).toEqual([
      'groups.serverless.agenda.standing: at most 10 standing items',
    ]);
    expect(
      problemsOf(
        minimal(`    agenda:
      standing: ['${'x'.repeat(151)}', '']
      counts:
        - { title: Open PRs }
        - { title: "Two\\nlines", query: '${'q'.repeat(257)}' }
`),
      ),
    ).toEqual([
      'groups.serverless.agenda.standing[0]: at most 150 characters',
      'groups.serverless.agenda.standing[1]: expected some text, not an empty one',
      expect.stringMatching(/^groups\.serverless\.agenda\.counts\[0\]\.query: /),
      'groups.serverless.agenda.counts[1].title: expected one line of plain text',
      'groups.serverless.agenda.counts[1].query: at most 256 characters',
    ]);
  });
});
