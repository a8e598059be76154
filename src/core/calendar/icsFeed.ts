import type { ExtraMeeting, Group, MeetingRule } from '../group.js';
import type { LocalDate } from '../ids.js';
import type { DayNumber } from '../schedule/civilDate.js';
import { dayNumber, localDateOf, yearMonth } from '../schedule/civilDate.js';
import { occurrenceOn } from '../schedule/occurrences.js';
import { ruleDays } from '../schedule/ruleDays.js';
import { instantToLocal, localToInstant } from '../schedule/zonedTime.js';
import { escapeText, joinContentLines } from './icsText.js';
import { type FeedSeries, feedSeries } from './feedSeries.js';
import { feedRecurrence } from './feedRecurrence.js';
import { durationOf, localDateTime, utcDateTime } from './icsValues.js';
import { vtimezoneLines } from './vtimezone.js';
import { DAY_MS } from '../duration.js';
import { formatZoned } from '../zonedFormat.js';

/** How many of a series' coming cancellations its description names, with their reasons. */
const REASONS_SHOWN = 8;

export interface IcsFeedInput {
  readonly group: Pick<
    Group,
    'id' | 'name' | 'timeZone' | 'meetings' | 'extraMeetings' | 'cancelled' | 'cancelReasons'
  >;
  /** One-off meetings added in Slack. */
  readonly added: readonly { startsAt: Date; endsAt: Date; title: string }[];
  /** Starts of rule or extra occurrences cancelled in Slack. */
  readonly cancelledStarts: readonly Date[];
  readonly now: Date;
  /** Makes UIDs globally unique: `<rule>.<group>@<host>`. */
  readonly host: string;
  /** Recording links of past meetings, shown in their event's description. */
  readonly recordings?: readonly { startsAt: Date; url: string }[];
}

/** How many years ahead the VTIMEZONE's transitions are checked. */
const ZONE_YEARS_AHEAD = 5;

/**
 * The group's meetings as an RFC 5545 feed for calendar subscriptions: one recurring VEVENT
 * per rule (per rotating time of a rule: see feedSeries), its cancellations as EXDATEs, one
 * VEVENT per extra or added meeting.
 *
 * Times carry the group's IANA TZID, defined by a VTIMEZONE derived from the tz database
 * (see vtimezone.ts), so clients that ignore IANA names still get the offsets right.
 */
export function renderIcsFeed(input: IcsFeedInput): string {
  const feed = icsFeedParts(input);
  return joinContentLines([
    ...calendarHeader(input.group.name),
    `X-WR-TIMEZONE:${feed.zone}`,
    ...vtimezoneLines(feed.zone, feed.firstYear, feed.lastYear),
    ...feed.events,
    'END:VCALENDAR',
  ]);
}

/** A feed's VEVENTs, with the zone and the years its VTIMEZONE must cover. */
export interface IcsFeedParts {
  readonly zone: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Content lines, not yet folded. */
  readonly events: readonly string[];
}

/** The opening lines of a VCALENDAR named `name`. */
export const calendarHeader = (name: string): string[] => [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//gavel//Working group meetings//EN',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  `X-WR-CALNAME:${escapeText(name)}`,
];

/** The group's events, to be laid out in its own feed or beside other groups' in one. */
export function icsFeedParts(input: IcsFeedInput): IcsFeedParts {
  const { group, now } = input;
  const zone = group.timeZone;
  const ctx = feedContext(input);
  const nowDay = dayNumber(instantToLocal(new Date(now.getTime() - 365 * DAY_MS), zone).date);

  const ruleEvents = group.meetings
    .flatMap((rule) => feedSeries(rule, rule.from === undefined ? nowDay : dayNumber(rule.from)))
    .map((series) => ({
      first: series.first,
      lines: [...ruleEvent(ctx, series), ...recordedInstances(ctx, series)],
    }));
  const extras = group.extraMeetings.filter((extra) => keepsExtra(ctx, extra));
  const years = [
    yearMonth(nowDay).year,
    ...ruleEvents.map((e) => yearMonth(e.first).year),
    ...extras.map((e) => Number(e.date.slice(0, 4))),
    ...input.added.map((a) => a.startsAt.getUTCFullYear()),
  ];
  return {
    zone,
    firstYear: Math.min(...years) - 1,
    lastYear: Math.max(now.getUTCFullYear() + ZONE_YEARS_AHEAD, ...years),
    events: [
      ...ruleEvents.flatMap((e) => e.lines),
      ...extras.flatMap((extra) => extraEvent(ctx, extra)),
      ...input.added.flatMap((added) => addedEvent(ctx, added)),
    ],
  };
}

/** What the events of one group's feed are worked out from. */
export interface FeedContext extends IcsFeedInput {
  readonly stamp: string;
  /** Cancelled local dates and cancelled start instants (ms). */
  readonly cancelled: { readonly dates: ReadonlySet<string>; readonly starts: ReadonlySet<number> };
}

export const feedContext = (input: IcsFeedInput): FeedContext => ({
  ...input,
  stamp: utcDateTime(input.now),
  cancelled: cancelledKeys(input),
});

function cancelledKeys(input: IcsFeedInput) {
  return {
    dates: new Set<string>(input.group.cancelled),
    starts: new Set(input.cancelledStarts.map((d) => d.getTime())),
  };
}

/**
 * A series' RRULE line and one EXDATE line per cancelled date from its first on: what the feed
 * writes, and what a shared Google Calendar's recurring event carries.
 */
export function ruleRecurrenceLines(ctx: FeedContext, { rule, first }: FeedSeries): string[] {
  const zone = ctx.group.timeZone;
  const exdates = [...cancelledRuleDays(ctx, rule, first)]
    .sort((a, b) => a - b)
    .map((day) => `EXDATE;TZID=${zone}:${localDateTime(localDateOf(day), rule.time)}`);
  return [`RRULE:${feedRecurrence(rule, first, zone)}`, ...exdates];
}

function ruleEvent(ctx: FeedContext, series: FeedSeries): string[] {
  const { rule, uid, first } = series;
  const zone = ctx.group.timeZone;
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${uid}.${ctx.group.id}@${ctx.host}`)}`,
    `DTSTAMP:${ctx.stamp}`,
    `DTSTART;TZID=${zone}:${localDateTime(localDateOf(first), rule.time)}`,
    `DURATION:${durationOf(rule.durationMinutes)}`,
    ...ruleRecurrenceLines(ctx, series),
    `SUMMARY:${escapeText(rule.title)}`,
    ...joinDetails(rule, undefined, cancelledNotes(ctx, series)),
    'END:VEVENT',
  ];
}

/**
 * "Not held on Thu 26 Nov 2026: Thanksgiving Day", "Not held from Thu 1 Jul 2027 to Thu 29 Jul
 * 2027: Summer break": the series' coming cancellations that the groups file gives a reason
 * for, a run of one reason as one line. An EXDATE carries no text, so the series' description
 * does (calendar apps show it on every meeting of the series).
 */
function cancelledNotes(ctx: FeedContext, { rule, first }: FeedSeries): string[] {
  const zone = ctx.group.timeZone;
  const today = dayNumber(instantToLocal(ctx.now, zone).date);
  const label = (day: DayNumber) =>
    formatZoned(localToInstant(localDateOf(day), rule.time, zone), zone, 'EEE d MMM yyyy');
  const runs: { reason: string; first: DayNumber; last: DayNumber }[] = [];
  const days = [...cancelledRuleDays(ctx, rule, first)].filter((d) => d >= today).sort((a, b) => a - b);
  for (const day of days) {
    const reason = ctx.group.cancelReasons?.[localDateOf(day)];
    const run = runs[runs.length - 1];
    if (reason === undefined) continue;
    if (run?.reason === reason) run.last = day;
    else runs.push({ reason, first: day, last: day });
  }
  return runs
    .slice(0, REASONS_SHOWN)
    .map((r) =>
      r.first === r.last
        ? `Not held on ${label(r.first)}: ${r.reason}`
        : `Not held from ${label(r.first)} to ${label(r.last)}: ${r.reason}`,
    );
}

/**
 * A recorded meeting of a rule: the recurring event's own instance, overridden (same UID,
 * RECURRENCE-ID) with the recording in its description; RFC 5545 has no other way to give one
 * occurrence of a series its own text.
 */
function recordedInstances(ctx: FeedContext, { rule, uid, first }: FeedSeries): string[] {
  const zone = ctx.group.timeZone;
  const cancelled = cancelledRuleDays(ctx, rule, first);
  return (ctx.recordings ?? []).flatMap(({ startsAt, url }) => {
    const day = ruleDayAt(rule, first, startsAt.getTime(), zone);
    if (day === undefined || cancelled.has(day)) return [];
    const local = localDateTime(localDateOf(day), rule.time);
    return [
      'BEGIN:VEVENT',
      `UID:${escapeText(`${uid}.${ctx.group.id}@${ctx.host}`)}`,
      `DTSTAMP:${ctx.stamp}`,
      `RECURRENCE-ID;TZID=${zone}:${local}`,
      `DTSTART;TZID=${zone}:${local}`,
      `DURATION:${durationOf(rule.durationMinutes)}`,
      `SUMMARY:${escapeText(rule.title)}`,
      ...joinDetails(rule, url),
      'END:VEVENT',
    ];
  });
}

/** The rule's day whose meeting starts at `start` (ms), if it has one. */
function ruleDayAt(rule: MeetingRule, first: DayNumber, start: number, zone: string): DayNumber | undefined {
  const day = dayNumber(instantToLocal(new Date(start), zone).date);
  // A start in a gap shows a later wall time, so the date is also checked the day before.
  return [day, day - 1].find(
    (candidate) =>
      candidate >= first &&
      ruleDays(rule, candidate, candidate).length > 0 &&
      localToInstant(localDateOf(candidate), rule.time, zone).getTime() === start,
  );
}

const recordingAt = (ctx: FeedContext, start: number): string | undefined =>
  ctx.recordings?.find((r) => r.startsAt.getTime() === start)?.url;

/** The rule's dates, from `first` on, cancelled in groups.yml or in Slack. */
function cancelledRuleDays(ctx: FeedContext, rule: MeetingRule, first: DayNumber): Set<DayNumber> {
  const zone = ctx.group.timeZone;
  const days = new Set<DayNumber>();
  const produces = (day: DayNumber) => day >= first && ruleDays(rule, day, day).length > 0;
  for (const date of ctx.cancelled.dates) {
    if (produces(dayNumber(date as LocalDate))) days.add(dayNumber(date as LocalDate));
  }
  for (const start of ctx.cancelled.starts) {
    const day = ruleDayAt(rule, first, start, zone);
    if (day !== undefined) days.add(day);
  }
  return days;
}

/** An extra meeting is listed unless cancelled or a rule already meets at that instant. */
export function keepsExtra(ctx: FeedContext, extra: ExtraMeeting): boolean {
  if (ctx.cancelled.dates.has(extra.date)) return false;
  const start = localToInstant(extra.date, extra.time, ctx.group.timeZone).getTime();
  if (ctx.cancelled.starts.has(start)) return false;
  return occurrenceOn(ctx.group, extra.date).some(
    (o) => o.source === 'extra' && o.startsAt.getTime() === start,
  );
}

function extraEvent(ctx: FeedContext, extra: ExtraMeeting): string[] {
  const start = localDateTime(extra.date, extra.time);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`extra-${start}.${ctx.group.id}@${ctx.host}`)}`,
    `DTSTAMP:${ctx.stamp}`,
    `DTSTART;TZID=${ctx.group.timeZone}:${start}`,
    `DURATION:${durationOf(extra.durationMinutes)}`,
    `SUMMARY:${escapeText(extra.title)}`,
    ...joinDetails(
      extra,
      recordingAt(ctx, localToInstant(extra.date, extra.time, ctx.group.timeZone).getTime()),
    ),
    'END:VEVENT',
  ];
}

function addedEvent(ctx: FeedContext, added: IcsFeedInput['added'][number]): string[] {
  const start = utcDateTime(added.startsAt);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`added-${start}.${ctx.group.id}@${ctx.host}`)}`,
    `DTSTAMP:${ctx.stamp}`,
    `DTSTART:${start}`,
    `DURATION:${durationOf((added.endsAt.getTime() - added.startsAt.getTime()) / 60_000)}`,
    `SUMMARY:${escapeText(added.title)}`,
    ...joinDetails({ joinUrl: undefined, dialIn: undefined }, recordingAt(ctx, added.startsAt.getTime())),
    'END:VEVENT',
  ];
}

function joinDetails(
  meeting: { joinUrl: string | undefined; dialIn: string | undefined },
  recording?: string,
  notes: readonly string[] = [],
): string[] {
  const description = [
    meeting.joinUrl === undefined ? undefined : `Join: ${meeting.joinUrl}`,
    meeting.dialIn === undefined ? undefined : `Dial-in: ${meeting.dialIn}`,
    recording === undefined ? undefined : `Recording: ${recording}`,
    ...notes,
  ].filter((line) => line !== undefined);
  return [
    ...(meeting.joinUrl === undefined
      ? []
      : [`LOCATION:${escapeText(meeting.joinUrl)}`, `URL:${meeting.joinUrl}`]),
    ...(description.length === 0 ? [] : [`DESCRIPTION:${escapeText(description.join('\n'))}`]),
  ];
}
