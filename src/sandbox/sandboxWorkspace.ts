import type { Group } from '../core/group.js';
import type { SlackChannel, SlackUser } from '../standins/slackApiServer.js';

/** The pretend Slack workspace, Drive and repositories the sandbox starts with. */
export interface SandboxWorkspace {
  readonly channels: readonly SlackChannel[];
  readonly users: readonly SlackUser[];
  /** Google Docs the groups reference (templates, running notes), created empty-ish. */
  readonly docs: readonly { id: string; name: string; text: string }[];
  /** Drive folders per-meeting minutes are copied into. */
  readonly folders: readonly string[];
}

const MEMBERS: readonly SlackUser[] = [
  member('U0SANDBOXALICE', 'alice', 'Alice Example', 'Europe/Berlin', 'Central European Time', 3600),
  member('U0SANDBOXBOB', 'bob', 'Bob Example', 'Asia/Kolkata', 'India Standard Time', 19800),
];

const LEAD_ZONES = [
  ['America/Los_Angeles', 'Pacific Standard Time', -28800],
  ['America/New_York', 'Eastern Standard Time', -18000],
  ['Europe/London', 'Greenwich Mean Time', 0],
] as const;

const TEMPLATE_TEXT = [
  '{{group}}: {{title}}',
  'Date: {{date}}, {{time}}',
  'Join: {{join_url}}',
  'Leads: {{leads}}',
  '',
  'Agenda',
  '{{agenda}}',
  '',
  'Attendees',
  '',
  'Shared To Do: What / Who / When',
  '',
].join('\n');

/**
 * Derived from the groups file, so the sandbox shows the groups a newcomer will configure:
 * one channel per group (named as the file names it), the leads it lists, and two members.
 */
export function sandboxWorkspace(groups: readonly Group[]): SandboxWorkspace {
  const channels = groups.map((g, i) => ({
    id: g.channel.startsWith('#') ? `C0SANDBOX${i + 1}` : g.channel,
    name: g.channel.startsWith('#') ? g.channel.slice(1) : g.id,
  }));
  const leadIds = [...new Set(groups.flatMap((g) => g.leads))];
  const leads = leadIds.map((id, i) => {
    const [tz, label, offset] = LEAD_ZONES[i % LEAD_ZONES.length]!;
    const group = groups.find((g) => g.leads.includes(id));
    return member(id, `lead${i + 1}`, `Lead ${i + 1} (${group?.name ?? 'a group'})`, tz, label, offset);
  });
  const docs: { id: string; name: string; text: string }[] = [];
  const folders: string[] = [];
  for (const g of groups) {
    if (g.minutes?.mode === 'per-meeting') {
      docs.push({ id: g.minutes.templateId, name: `${g.name} minutes template`, text: TEMPLATE_TEXT });
      folders.push(g.minutes.folderId);
    } else if (g.minutes?.mode === 'running') {
      docs.push({ id: g.minutes.docId, name: `${g.name} notes`, text: `${g.name} meeting notes\n` });
    }
  }
  return { channels, users: [...MEMBERS, ...leads], docs, folders };
}

function member(
  id: string,
  name: string,
  realName: string,
  tz: string,
  label: string,
  offset: number,
): SlackUser {
  return { id, name, real_name: realName, tz, tz_label: label, tz_offset: offset };
}
