import type { AgendaCountQuery } from './agenda/agendaCounts.js';
import type { ChannelId, GroupId, LocalDate, LocalTime, SlackUserId } from './ids.js';
import type { Recurrence } from './schedule/recurrence.js';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** 1st..4th, or the last such weekday of the month. */
export type NthWeekday = 1 | 2 | 3 | 4 | 'last';

export type Frequency =
  /** Every `interval` weeks; with interval > 1 the weeks are counted from `anchor`. */
  | { readonly kind: 'weekly'; readonly interval: number; readonly anchor: LocalDate | undefined }
  | { readonly kind: 'monthly'; readonly nth: NthWeekday }
  /** The `day` of each month; a month without it (31 in April) has no meeting. */
  | { readonly kind: 'monthlyDay'; readonly day: number }
  /** An RFC 5545 RRULE (the subset parseRecurrence accepts), its UNTIL folded into `until`. */
  | { readonly kind: 'rrule'; readonly recurrence: Recurrence; readonly text: string };

/** One of a meeting's rotating times, with the join link for meetings at that time. */
export interface MeetingTime {
  readonly time: LocalTime;
  readonly joinUrl: string | undefined;
}

/** One recurring meeting of a group, as configured. */
export interface MeetingRule {
  /** Stable within the group (the configured id, or `meeting-<index>`). */
  readonly id: string;
  readonly title: string;
  /** The day of `weekly` and `monthly` rules; undefined for `monthlyDay` and `rrule`. */
  readonly weekday: Weekday | undefined;
  /** The meeting's time, or with `times` the first of them. */
  readonly time: LocalTime;
  /**
   * Rotating times of a weekly rule (two or more): the first meeting on or after `from` (or
   * the every-N-weeks anchor) takes times[0], the next times[1], and so on, cancelled meetings
   * counted. Undefined: always `time`.
   */
  readonly times?: readonly MeetingTime[];
  readonly durationMinutes: number;
  readonly frequency: Frequency;
  /** First date on which the rule may produce a meeting (inclusive). */
  readonly from: LocalDate | undefined;
  /** Last date on which the rule may produce a meeting (inclusive). */
  readonly until: LocalDate | undefined;
  readonly joinUrl: string | undefined;
  readonly dialIn: string | undefined;
}

/** A meeting that happens once, outside the rules. */
export interface ExtraMeeting {
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly title: string;
  readonly durationMinutes: number;
  readonly joinUrl: string | undefined;
  readonly dialIn: string | undefined;
}

export type MinutesSettings =
  | {
      readonly mode: 'per-meeting';
      readonly templateId: string;
      readonly folderId: string;
      readonly createBeforeMinutes: number;
    }
  | {
      readonly mode: 'running';
      readonly docId: string;
      readonly createBeforeMinutes: number;
    };

export interface GithubSettings {
  readonly owner: string;
  readonly repo: string;
  readonly labels: readonly string[];
  /**
   * Other repositories the group works in (`owner/name`, or `owner/*` for all of an owner's):
   * decisions may name their issues and pull requests too.
   */
  readonly otherRepos: readonly string[];
}

/**
 * The groups file's `agenda.github`: every open issue and pull request carrying `label` in
 * these repositories is on the group's next agenda.
 */
export interface AgendaGithubSettings {
  readonly label: string;
  /** `owner/name`, or `owner/*` for every repository of the owner, as the file names them. */
  readonly repos: readonly string[];
}

/**
 * Who holds a vote: an organisation (or a person without one) whose people, together,
 * attended `attended` of the last `ofLast` meetings (CloudEvents: 3 of 4, per organisation).
 */
export interface VotingRule {
  readonly attended: number;
  readonly ofLast: number;
  readonly per: 'organization' | 'person';
}

export interface RecordingSettings {
  /** Whether every meeting should have a recording: the leads are asked when none is given. */
  readonly expected: boolean;
  /** How long after the meeting's end the link is expected. */
  readonly withinMinutes: number;
}

/**
 * Where a group's meetings are published once they are over: a file per meeting and a
 * decisions index in a repository, by pull request (a lead merges it) or straight to the
 * default branch.
 */
export interface ArchiveSettings {
  readonly owner: string;
  readonly repo: string;
  /** The meeting file's path, with {yyyy}, {mm}, {dd}, {date}, {group} and {meeting} filled in. */
  readonly pathPattern: string;
  /** The decisions index, rebuilt in the same change. */
  readonly decisionsPath: string;
  readonly mode: 'pull-request' | 'commit';
  /** Minutes after the meeting's end: time for people to tidy the minutes doc first. */
  readonly afterMinutes: number;
}

/** Every meeting from `from` to `until` (inclusive, the group's local dates) is cancelled. */
export interface MeetingBreak {
  readonly from: LocalDate;
  readonly until: LocalDate;
  readonly reason: string;
}

export interface Group {
  readonly id: GroupId;
  readonly name: string;
  /** A channel id, or `#name` until resolved at start. */
  readonly channel: ChannelId | `#${string}`;
  readonly leads: readonly SlackUserId[];
  /** IANA zone, e.g. America/Los_Angeles. */
  readonly timeZone: string;
  readonly meetings: readonly MeetingRule[];
  readonly extraMeetings: readonly ExtraMeeting[];
  /** Every date the groups file cancels: `cancelled:` and each day of a break. */
  readonly cancelled: readonly LocalDate[];
  /** Why, for the cancelled dates that say (plain text, ≤ 100 characters). */
  readonly cancelReasons?: Readonly<Record<string, string>>;
  /** The file's `breaks:`; their days are also in `cancelled`. */
  readonly breaks?: readonly MeetingBreak[];
  /**
   * Of `cancelled`, the dates only a rule cancels (a break, or a public holiday of
   * `skip_holidays`), none named under `cancelled:`: a lead may restore one such meeting in
   * Slack, since the file cannot except a single date from a rule.
   */
  readonly ruleCancelled?: readonly LocalDate[];
  /** Minutes before a meeting's start at which a reminder is posted, largest first. */
  readonly reminderLeadMinutes: readonly number[];
  /** What happens to agenda items not covered when a meeting ends. */
  readonly agendaRollover: 'roll-over' | 'drop';
  /** Issues and pull requests labelled for the agenda; undefined: none. */
  readonly agendaGithub?: AgendaGithubSettings | undefined;
  /**
   * `agenda.standing`: titles that head every meeting's agenda (list, reminder, doc), in file
   * order. Rendered from the file, never stored: they cannot be removed, covered or moved for
   * one meeting, and they do not count against `cancel_if_no_agenda`.
   */
  readonly agendaStanding?: readonly string[];
  /** `agenda.counts`: GitHub searches whose totals each reminder and minutes doc show. */
  readonly agendaCounts?: readonly AgendaCountQuery[];
  readonly minutes: MinutesSettings | undefined;
  readonly github: GithubSettings | undefined;
  /** Slack user id → GitHub login. */
  readonly githubLogins: Readonly<Record<string, string>>;
  /** Slack user id → organisation (the groups file's `people`). */
  readonly organizations: Readonly<Record<string, string>>;
  /** Besides the leads, who may record decisions. */
  readonly scribes: readonly SlackUserId[];
  readonly voting: VotingRule | undefined;
  readonly recordings: RecordingSettings;
  /** Minutes after a meeting's end at which the wrap-up is posted in its thread. */
  readonly wrapUpAfterMinutes: number;
  readonly archive: ArchiveSettings | undefined;
  /**
   * `cancel_if_no_agenda`: minutes before a meeting's start at which gavel cancels it when its
   * agenda is still empty (a lead can keep it). Undefined: never.
   */
  readonly cancelIfNoAgendaMinutes?: number | undefined;
  /** `audience_zones`: where the group's people are, besides its channel members' zones. */
  readonly audienceZones?: readonly string[];
  /**
   * `dst_notice`: minutes before the first meeting a clock change shifts for the audience at
   * which the channel is told (reminders and the digest say so too). Undefined: off.
   */
  readonly dstNoticeMinutes?: number | undefined;
  /** What the group is for, shown on its public page (plain text, paragraphs by blank lines). */
  readonly description?: string;
  /** Where the group's work lives, shown on its public page. */
  readonly links?: GroupLinks;
}

/** http(s) URLs; `mailingList` may also be an e-mail address. */
export interface GroupLinks {
  readonly forum?: string;
  readonly mailingList?: string;
  readonly notes?: string;
  readonly recordings?: string;
  readonly repo?: string;
}

export const isLead = (group: Group, user: SlackUserId): boolean => group.leads.includes(user);

/** Leads and scribes record decisions. */
export const mayRecordDecisions = (group: Group, user: SlackUserId): boolean =>
  group.leads.includes(user) || group.scribes.includes(user);
