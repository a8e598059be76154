import { parseDocument, type YAMLError } from 'yaml';
import { parseDurationMinutes } from '../core/duration.js';
import type { ArchiveSettings, Group, MeetingRule } from '../core/group.js';
import {
  type ChannelId,
  groupId,
  type LocalDate,
  type LocalTime,
  parseLocalDate,
  parseLocalTime,
} from '../core/ids.js';
import { dayNumber, localDateOf } from '../core/schedule/civilDate.js';
import type { DigestSettings } from '../core/digest/digestSettings.js';
import { type GroupEntry, type GroupsFile, groupsFileSchema } from './groupsSchema.js';
import { meetingProblems, toFrequency } from './meetingRule.js';
import { formatIssuePath } from './issuePath.js';
import { publicHolidays } from './publicHolidays.js';

export type ParseGroupsResult =
  | {
      readonly ok: true;
      readonly groups: readonly Group[];
      /** The weekly digest, when the file has `digest:`. */
      readonly digest: DigestSettings | undefined;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

const DEFAULT_REMINDERS = ['24h', '10m'];
const MAX_BREAK_DAYS = 366;

const minutesOf = (d: string): number => parseDurationMinutes(d)!;
const localDate = (s: string): LocalDate => parseLocalDate(s)!;
const localTime = (s: string): LocalTime => parseLocalTime(s)!;

export interface ParseGroupsOptions {
  /** When the file is read: `skip_holidays` are worked out for the years around it. */
  readonly now?: Date;
}

/** Parses and validates the text of a groups file; every problem names its path. */
export function parseGroups(yamlText: string, options: ParseGroupsOptions = {}): ParseGroupsResult {
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  const [syntax] = doc.errors;
  // One mistake often makes the parser report many more after it: the first is the one to fix.
  if (syntax) return { ok: false, problems: [yamlProblem(yamlText, syntax)] };
  const content: unknown = doc.toJS();
  if (content === null || content === undefined) return { ok: false, problems: [EMPTY_FILE] };
  const parsed = groupsFileSchema.safeParse(content);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`),
    };
  }
  const problems = crossChecks(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    groups: Object.entries(parsed.data.groups).map(([id, g]) =>
      toGroup(id, g, parsed.data, options.now ?? new Date()),
    ),
    digest: parsed.data.digest ? toDigest(parsed.data.digest) : undefined,
  };
}

const EMPTY_FILE = [
  'the groups file is empty. A minimal one:',
  'groups:',
  '  serverless:',
  '    name: CNCF Serverless WG',
  '    channel: "#serverless"',
  '    timezone: America/Los_Angeles',
  '    leads: [U012AB3CD]',
  '    meetings:',
  '      - { day: thursday, time: "09:00" }',
].join('\n');

/** `YAML, line 4, column 1: All mapping items must start at the same column`, then the line itself. */
function yamlProblem(text: string, error: YAMLError): string {
  const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const at = error.linePos?.[0];
  if (!at) return `YAML: ${what}`;
  const line = text.split(/\r?\n/)[at.line - 1] ?? '';
  return `YAML, line ${at.line}, column ${at.col}: ${what}\n  ${line}\n  ${' '.repeat(Math.max(0, at.col - 1))}^`;
}

/** Rules a schema cannot see: uniqueness across entries, ordering of dates. */
function crossChecks(file: GroupsFile): string[] {
  const problems: string[] = [];
  const channels = new Map<string, string>();
  for (const [id, g] of Object.entries(file.groups)) {
    const other = channels.get(g.channel);
    if (other) problems.push(`groups.${id}.channel: ${g.channel} is already the channel of group ${other}`);
    channels.set(g.channel, id);
    if (g.meetings.length === 0 && g.extra_meetings.length === 0) {
      problems.push(`groups.${id}.meetings: a group needs at least one meeting or extra meeting`);
    }
    const ids = new Set<string>();
    g.meetings.forEach((m, i) => {
      problems.push(...meetingProblems(m, g.timezone).map((p) => `groups.${id}.meetings[${i}].${p}`));
      const mid = m.id ?? `meeting-${i + 1}`;
      if (ids.has(mid)) problems.push(`groups.${id}.meetings[${i}].id: ${mid} is used twice`);
      ids.add(mid);
      if (m.from && m.until && m.until < m.from) {
        problems.push(`groups.${id}.meetings[${i}].until: ${m.until} is before from ${m.from}`);
      }
    });
    g.breaks.forEach((b, i) => {
      if (b.until < b.from) {
        problems.push(`groups.${id}.breaks[${i}].until: ${b.until} is before from ${b.from}`);
      } else if (dayNumber(localDate(b.until)) - dayNumber(localDate(b.from)) >= MAX_BREAK_DAYS) {
        problems.push(`groups.${id}.breaks[${i}].until: a break lasts at most ${MAX_BREAK_DAYS} days`);
      }
    });
    if (g.archive && !g.archive.repo && !g.github) {
      problems.push(
        `groups.${id}.archive.repo: name the repository to publish to (owner/name), or set github.repo`,
      );
    }
  }
  return problems;
}

function toGroup(id: string, g: GroupEntry, file: GroupsFile, now: Date): Group {
  const reminders = g.reminders ?? file.defaults?.reminders ?? DEFAULT_REMINDERS;
  return {
    id: groupId(id),
    name: g.name,
    channel: g.channel as ChannelId | `#${string}`,
    leads: g.leads,
    timeZone: g.timezone,
    meetings: g.meetings.map((m, i): MeetingRule => {
      const { frequency, until } = toFrequency(m, g.timezone);
      const times = m.times?.map((t) =>
        typeof t === 'string'
          ? { time: localTime(t), joinUrl: undefined }
          : { time: localTime(t.time), joinUrl: t.join_url },
      );
      return {
        id: m.id ?? `meeting-${i + 1}`,
        title: m.title ?? g.name,
        weekday: m.day,
        time: times?.[0]?.time ?? localTime(m.time!),
        ...(times === undefined ? {} : { times }),
        durationMinutes: minutesOf(m.duration),
        frequency,
        from: m.from ? localDate(m.from) : undefined,
        until,
        joinUrl: m.join_url,
        dialIn: m.dial_in,
      };
    }),
    extraMeetings: g.extra_meetings.map((e) => ({
      date: localDate(e.date),
      time: localTime(e.time),
      title: e.title ?? g.name,
      durationMinutes: minutesOf(e.duration),
      joinUrl: e.join_url,
      dialIn: e.dial_in,
    })),
    ...fileCancellations(g, now),
    reminderLeadMinutes: [...new Set(reminders.map(minutesOf))].sort((a, b) => b - a),
    agendaRollover: g.agenda?.rollover ?? 'roll-over',
    ...(g.agenda?.github
      ? { agendaGithub: { label: g.agenda.github.label, repos: g.agenda.github.repos } }
      : {}),
    agendaStanding: g.agenda?.standing ?? [],
    agendaCounts: (g.agenda?.counts ?? []).map((c) => ({ title: c.title, query: c.query })),
    minutes: g.minutes
      ? g.minutes.mode === 'per-meeting'
        ? {
            mode: 'per-meeting',
            templateId: g.minutes.template,
            folderId: g.minutes.folder,
            createBeforeMinutes: minutesOf(g.minutes.create_before),
          }
        : { mode: 'running', docId: g.minutes.doc, createBeforeMinutes: minutesOf(g.minutes.create_before) }
      : undefined,
    github: g.github
      ? {
          owner: g.github.repo.split('/')[0]!,
          repo: g.github.repo.split('/')[1]!,
          labels: g.github.labels,
          otherRepos: g.github.repos,
        }
      : undefined,
    githubLogins: { ...peopleField(file, 'github'), ...file.github_logins, ...g.github_logins },
    organizations: peopleField(file, 'organization'),
    scribes: g.scribes,
    voting: g.voting
      ? { attended: g.voting.attended, ofLast: g.voting.of_last, per: g.voting.per }
      : undefined,
    recordings: {
      expected: g.recordings?.expected ?? false,
      withinMinutes: minutesOf(g.recordings?.within ?? '24h'),
    },
    wrapUpAfterMinutes: minutesOf(g.wrap_up?.after ?? '15m'),
    archive: g.archive ? toArchive(g.archive, g.github?.repo) : undefined,
    cancelIfNoAgendaMinutes: g.cancel_if_no_agenda ? minutesOf(g.cancel_if_no_agenda) : undefined,
    audienceZones: g.audience_zones,
    dstNoticeMinutes: g.dst_notice === 'off' ? undefined : minutesOf(g.dst_notice),
    description: g.description,
    links: g.links
      ? {
          forum: g.links.forum,
          mailingList: g.links.mailing_list,
          notes: g.links.notes,
          recordings: g.links.recordings,
          repo: g.links.repo,
        }
      : undefined,
  };
}

/**
 * The dates the file cancels, a break's days and the public holidays of `skip_holidays`
 * included (so every reader of `cancelled` sees them), with their reasons: a break's reason
 * wins over the same date's under `cancelled:`, and either over a holiday's name. Dates only a
 * break or a holiday cancels are `ruleCancelled`: a lead may restore one in Slack.
 */
function fileCancellations(
  g: GroupEntry,
  now: Date,
): Pick<Group, 'cancelled' | 'cancelReasons' | 'breaks' | 'ruleCancelled'> {
  const reasons: Record<string, string> = {};
  const dates = new Set<LocalDate>();
  const byRule = new Set<LocalDate>();
  for (const [date, name] of publicHolidays(g.skip_holidays, now)) {
    dates.add(date);
    byRule.add(date);
    reasons[date] = name;
  }
  const breaks = g.breaks.map((b) => ({
    from: localDate(b.from),
    until: localDate(b.until),
    reason: b.reason,
  }));
  for (const b of breaks) {
    for (let day = dayNumber(b.from); day <= dayNumber(b.until); day++) {
      const d = localDateOf(day);
      dates.add(d);
      byRule.add(d);
      reasons[d] = b.reason;
    }
  }
  for (const c of g.cancelled) {
    const d = localDate(c.date);
    dates.add(d);
    byRule.delete(d);
    const inBreak = breaks.some((b) => b.from <= d && d <= b.until);
    if (c.reason !== undefined && !inBreak) reasons[d] = c.reason;
  }
  return {
    cancelled: [...dates].sort(),
    cancelReasons: reasons,
    breaks,
    ...(byRule.size === 0 ? {} : { ruleCancelled: [...byRule].sort() }),
  };
}

/** One field of every person in the file's `people`, by Slack id. */
function peopleField(file: GroupsFile, field: 'github' | 'organization'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(file.people ?? {}).flatMap(([id, p]) => {
      const value = p[field];
      return value === undefined ? [] : [[id, value]];
    }),
  );
}

function toArchive(a: NonNullable<GroupEntry['archive']>, githubRepo: string | undefined): ArchiveSettings {
  const [owner, repo] = (a.repo ?? githubRepo)!.split('/') as [string, string];
  return {
    owner,
    repo,
    pathPattern: a.path,
    decisionsPath: a.decisions,
    mode: a.mode,
    afterMinutes: minutesOf(a.after),
  };
}

function toDigest(d: NonNullable<GroupsFile['digest']>): DigestSettings {
  return {
    channel: d.channel as ChannelId | `#${string}`,
    weekday: d.day,
    time: localTime(d.time),
    timeZone: d.timezone,
  };
}
