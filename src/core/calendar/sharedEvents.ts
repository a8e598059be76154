import type { MeetingRule } from '../group.js';
import type { LocalDate, LocalTime } from '../ids.js';
import type { EventTime, SharedEvent } from '../ports/sharedCalendar.js';
import { dayNumber, localDateOf } from '../schedule/civilDate.js';
import { instantToLocal, localToInstant } from '../schedule/zonedTime.js';
import { MINUTE_MS } from '../duration.js';
import { feedSeries } from './feedSeries.js';
import { feedContext, type IcsFeedInput, keepsExtra, ruleRecurrenceLines } from './icsFeed.js';
import { localDateTime, utcDateTime } from './icsValues.js';

export interface SharedEventsInput extends Omit<IcsFeedInput, 'host' | 'recordings'> {
  readonly group: IcsFeedInput['group'] & {
    readonly links?: { readonly mailingList?: string } | undefined;
  };
}

/**
 * The events a group should have in the shared calendar: one recurring event per rule (its
 * RRULE and EXDATEs exactly as the .ics feed writes them), one event per extra meeting the
 * file keeps and per meeting added in Slack. The group's mailing list is invited when it is
 * an e-mail address.
 *
 * A rule without `from` starts on its first date of the previous calendar year (in the
 * group's zone): the series keeps a year or more of history, and its start moves once a year
 * rather than every day, so an unchanged rule needs no write.
 */
export function sharedEvents(input: SharedEventsInput): SharedEvent[] {
  const ctx = feedContext({ ...input, host: 'gavel' });
  const { group } = input;
  const zone = group.timeZone;
  const attendees = mailingAddress(group.links?.mailingList);
  const base = { groupId: group.id as string, attendees };
  const lastYear = Number(instantToLocal(input.now, zone).date.slice(0, 4)) - 1;
  const anchor = `${lastYear}-01-01` as LocalDate;

  // One event per series, as in the feed: a rule with rotating times is one per time.
  const rules = group.meetings.flatMap((meeting): SharedEvent[] =>
    feedSeries(meeting, dayNumber(meeting.from ?? anchor)).map((series) => {
      const { rule, uid, first } = series;
      const date = localDateOf(first);
      return {
        ...base,
        key: `rule:${uid}`,
        ...details(rule),
        start: wallTime(date, rule.time, 0, zone),
        end: wallTime(date, rule.time, rule.durationMinutes, zone),
        recurrence: ruleRecurrenceLines(ctx, series),
      };
    }),
  );
  const extras = group.extraMeetings
    .filter((extra) => keepsExtra(ctx, extra))
    .map((extra): SharedEvent => ({
      ...base,
      key: `extra:${localDateTime(extra.date, extra.time)}`,
      ...details(extra),
      start: wallTime(extra.date, extra.time, 0, zone),
      end: wallTime(extra.date, extra.time, extra.durationMinutes, zone),
      recurrence: [],
    }));
  const added = input.added.map((a): SharedEvent => {
    const start = instantToLocal(a.startsAt, zone);
    const minutes = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / MINUTE_MS);
    return {
      ...base,
      key: `added:${utcDateTime(a.startsAt)}`,
      summary: a.title,
      description: undefined,
      location: undefined,
      start: wallTime(start.date, start.time, 0, zone),
      end: wallTime(start.date, start.time, minutes, zone),
      recurrence: [],
    };
  });
  return [...rules, ...extras, ...added];
}

/** A mailing list given as an address (`wg@lists.example.org`, `mailto:…`), not as a web page. */
export function mailingAddress(list: string | undefined): string[] {
  const address = list?.trim().replace(/^mailto:/i, '');
  return address && /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(address) ? [address] : [];
}

function details(m: Pick<MeetingRule, 'title' | 'joinUrl' | 'dialIn'>) {
  const lines = [
    m.joinUrl === undefined ? undefined : `Join: ${m.joinUrl}`,
    m.dialIn === undefined ? undefined : `Dial-in: ${m.dialIn}`,
  ].filter((l) => l !== undefined);
  return {
    summary: m.title,
    description: lines.length === 0 ? undefined : lines.join('\n'),
    location: m.joinUrl,
  };
}

/** `date` at `time`, plus `minutes` of wall-clock time, in the zone. */
function wallTime(date: LocalDate, time: LocalTime, minutes: number, timeZone: string): EventTime {
  const [h, m] = time.split(':').map(Number);
  const wall = dayNumber(date) * 86_400_000 + ((h ?? 0) * 60 + (m ?? 0) + minutes) * MINUTE_MS;
  return { dateTime: new Date(wall).toISOString().slice(0, 19), timeZone };
}

/** The instant an event time names: with its offset if it has one, else read in its zone. */
export function eventInstant(t: EventTime): number {
  if (/(?:Z|[+-]\d\d:\d\d)$/.test(t.dateTime)) return Date.parse(t.dateTime);
  const [date, time] = t.dateTime.split('T');
  return localToInstant(date as LocalDate, (time ?? '00:00').slice(0, 5) as LocalTime, t.timeZone).getTime();
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const lower = (xs: readonly string[]) => sorted(xs.map((x) => x.toLowerCase()));

/** Whether the calendar's copy already says what gavel wants (however the calendar spells times). */
export function sameSharedEvent(want: SharedEvent, have: SharedEvent): boolean {
  const sameTime = (a: EventTime, b: EventTime) =>
    a.timeZone === b.timeZone && eventInstant(a) === eventInstant(b);
  return (
    want.summary === have.summary &&
    (want.description ?? '') === (have.description ?? '') &&
    (want.location ?? '') === (have.location ?? '') &&
    sameTime(want.start, have.start) &&
    sameTime(want.end, have.end) &&
    JSON.stringify(sorted(want.recurrence)) === JSON.stringify(sorted(have.recurrence)) &&
    JSON.stringify(lower(want.attendees)) === JSON.stringify(lower(have.attendees))
  );
}

/** What to write so the calendar holds exactly `want` of the group's events. */
export function sharedCalendarChanges(
  want: readonly SharedEvent[],
  have: readonly SharedEvent[],
): { readonly put: SharedEvent[]; readonly remove: string[] } {
  const existing = new Map(have.map((e) => [e.key, e]));
  const wanted = new Set(want.map((e) => e.key));
  return {
    put: want.filter((e) => {
      const found = existing.get(e.key);
      return !found || !sameSharedEvent(e, found);
    }),
    remove: have.filter((e) => !wanted.has(e.key)).map((e) => e.key),
  };
}
