/**
 * The workload of the crash test: four groups meeting twice a week for four weeks, with
 * reminders, per-meeting minutes docs, GitHub follow-up and the meeting record (start posts,
 * wrap-ups, decisions), so that at any moment of the child's life reminders, doc creation,
 * issue creation and thread posts are due together.
 */

export const BOT_TOKEN = 'xoxb-crash-0000-gavel';
export const SIGNING_SECRET = 'crash-signing-secret-0123456789abcdef';
export const GITHUB_TOKEN = 'ghp_crashtest000000000000000000000000';
export const LEAD = 'U0LEAD001';
export const MEMBER = 'U0MEMBER1';
export const TEMPLATE = '1CrashTemplate0000000';
export const GITHUB_OWNER = 'crash-org';
/** Every group may also write here: decisions name its issue #1, and gavel comments on it. */
export const SPEC_OWNER = 'crash-spec';
export const SPEC_REPO = 'spec';
/** Sunday, before the first meeting's 24-hour reminder. */
export const FAKE_START = '2026-01-04T00:00:00.000Z';
export const REMINDER_LEADS = ['24h', '2h'] as const;

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'UTC', 'Asia/Kolkata'] as const;

export interface CrashGroup {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
  readonly folderId: string;
  readonly repo: string;
}

export const GROUPS: readonly CrashGroup[] = ZONES.map((_, i) => ({
  id: `wg${i + 1}`,
  name: `Crash WG ${i + 1}`,
  channelId: `C0CRASHWG${i + 1}`,
  folderId: `1CrashFolderWg${i + 1}000000`,
  repo: `wg${i + 1}`,
}));

/** Tuesdays and Thursdays from 6 to 29 January 2026: 8 meetings a group, 32 in all. */
export const MEETINGS_PER_GROUP = 8;

export const GROUPS_YAML = `
groups:
${GROUPS.map(
  (g, i) => `  ${g.id}:
    name: ${g.name}
    channel: "#${g.id}"
    timezone: ${ZONES[i]}
    leads: [${LEAD}]
    meetings:
      - { id: tue, title: Tuesday call, day: tuesday, time: "09:00", duration: 1h, from: 2026-01-05, until: 2026-01-30 }
      - { id: thu, title: Thursday call, day: thursday, time: "16:30", duration: 30m, from: 2026-01-05, until: 2026-01-30 }
    reminders: [${REMINDER_LEADS.join(', ')}]
    minutes: { mode: per-meeting, template: ${TEMPLATE}, folder: ${g.folderId}, create_before: 3h }
    github: { repo: ${GITHUB_OWNER}/${g.repo}, labels: [action-item], repos: [${SPEC_OWNER}/${SPEC_REPO}] }
    github_logins: { ${MEMBER}: alice-gh }
`,
).join('')}`;

export const TEMPLATE_TEXT = [
  '{{group}}: {{title}}',
  'Date: {{date}}, {{time}}',
  'Agenda',
  '{{agenda}}',
  'Shared To Do: What / Who / When',
  '',
].join('\n');

export const SLACK_USERS = [
  {
    id: LEAD,
    name: 'lead',
    real_name: 'Lea Lead',
    tz: 'America/Los_Angeles',
    tz_label: 'Pacific Standard Time',
    tz_offset: -28800,
  },
  {
    id: MEMBER,
    name: 'alice',
    real_name: 'Alice',
    tz: 'Europe/Berlin',
    tz_label: 'Central European Time',
    tz_offset: 3600,
  },
] as const;
