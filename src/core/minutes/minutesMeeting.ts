import type { AgendaCountLine } from '../agenda/agendaCounts.js';
import type { Group } from '../group.js';
import type { Occurrence } from '../model/occurrence.js';
import { formatZoned } from '../zonedFormat.js';
import { zonedTime } from '../slackDate.js';
import { slackToPlain } from './slackToPlain.js';
import type { ShownItem } from '../agenda/agendaItemText.js';

/** Everything a minutes doc says about one meeting, gathered by the job. */
export interface MinutesMeeting {
  readonly groupName: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly timeZone: string;
  /** `YYYY-MM-DD` in the group's zone. */
  readonly localDate: string;
  readonly joinUrl: string | null | undefined;
  /** The open agenda items, in the order of discussion. */
  readonly agenda: readonly ({ readonly number: number } & ShownItem)[];
  /** The group's standing items, heading the agenda. */
  readonly standing?: readonly string[];
  /** The group's GitHub counts, as refreshed just before the doc. */
  readonly counts?: readonly AgendaCountLine[];
  /** The meeting's length, for the timeboxes' total. */
  readonly meetingMinutes?: number;
  readonly leads: readonly string[];
  /** Slack user id → display name, for the people that could be looked up. */
  readonly names: Readonly<Record<string, string>>;
  /**
   * Another meeting of the group falls on the same date: the doc name and the running-doc
   * heading then carry the start time, so each meeting keeps its own.
   */
  readonly sharesDate: boolean;
}

/** What the docs say of one meeting of the group, with the agenda and names looked up. */
export function minutesMeetingOf(
  group: Pick<Group, 'name' | 'timeZone' | 'leads' | 'agendaStanding'>,
  occurrence: Occurrence,
  found: Pick<MinutesMeeting, 'agenda' | 'names' | 'sharesDate'> & Pick<Partial<MinutesMeeting>, 'counts'>,
): MinutesMeeting {
  return {
    groupName: group.name,
    title: occurrence.title,
    startsAt: new Date(occurrence.startsAt),
    timeZone: group.timeZone,
    localDate: occurrence.localDate,
    joinUrl: occurrence.joinUrl,
    leads: group.leads,
    standing: group.agendaStanding ?? [],
    meetingMinutes: Math.round((Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)) / 60_000),
    ...found,
  };
}

/** A person as the doc shows them: their Slack name when known, else `@U…`. */
export const personLabel = (userId: string, names: Readonly<Record<string, string>>): string =>
  names[userId] ?? `@${userId}`;

/** `Thursday 26 November 2026`, in the group's zone. */
export const longDate = (m: Pick<MinutesMeeting, 'startsAt' | 'timeZone'>): string =>
  formatZoned(m.startsAt, m.timeZone, 'EEEE d MMMM yyyy');

/** `09:00 PST (17:00 UTC)`: the group's zone, plus UTC for everyone else. */
export function meetingTime(m: Pick<MinutesMeeting, 'startsAt' | 'timeZone'>): string {
  const local = zonedTime(m.startsAt, m.timeZone);
  if (m.timeZone === 'UTC' || m.timeZone === 'Etc/UTC') return local;
  return `${local} (${formatZoned(m.startsAt, 'UTC', 'HH:mm')} UTC)`;
}

/**
 * The doc's name, e.g. `CNCF Serverless WG — 2026-11-26`. It is the doc's natural key in
 * the folder: the job looks for it before copying, so it must not change between attempts.
 */
export function minutesDocName(m: MinutesMeeting): string {
  const time = m.sharesDate ? ` ${formatZoned(m.startsAt, m.timeZone, 'HH:mm')}` : '';
  return `${m.groupName} — ${m.localDate}${time}`;
}

/**
 * The heading of a meeting's section in a running doc, e.g. `Weekly call — Thursday 26
 * November 2026`. The job looks for it before inserting, so a retry never adds a second one.
 */
export function runningSectionHeading(m: MinutesMeeting): string {
  const time = m.sharesDate ? `, ${zonedTime(m.startsAt, m.timeZone)}` : '';
  return `${slackToPlain(m.title, m.names)} — ${longDate(m)}${time}`;
}
