import { HOUR_MS, MINUTE_MS } from '../duration.js';
import { escapePlain } from '../mrkdwn.js';
import { formatZoned } from '../zonedFormat.js';
import type { ClockChange } from './clockChanges.js';
import type { DstMismatch, MismatchMeeting } from './dstMismatches.js';

/** `Los Angeles` for America/Los_Angeles: the place people recognise a zone by. */
export const placeOf = (zone: string): string => zone.split('/').pop()!.replace(/_/g, ' ');

/** `a, b and c`. */
const and = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

const NUMBERS = ['no', 'one', 'two', 'three'];

/** `one hour earlier`, `30 minutes later`, `1 hour 30 minutes earlier`. */
export function shiftWords(shiftMs: number): string {
  const way = shiftMs < 0 ? 'earlier' : 'later';
  const total = Math.round(Math.abs(shiftMs) / MINUTE_MS);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (minutes === 0) return `${NUMBERS[hours] ?? hours} hour${hours === 1 ? '' : 's'} ${way}`;
  if (hours === 0) return `${minutes} minutes ${way}`;
  return `${hours} hour${hours === 1 ? '' : 's'} ${minutes} minutes ${way}`;
}

const wall = (at: Date, zone: string) => formatZoned(at, zone, 'HH:mm');

/** `03:00 in Sydney the next day`: where the meeting falls on another date than the group's. */
function wallThere(at: Date, zone: string, groupZone: string): string {
  const day = (z: string) => formatZoned(at, z, 'yyyy-MM-dd');
  const there = day(zone);
  const here = day(groupZone);
  const when = there > here ? ' the next day' : there < here ? ' the day before' : '';
  return `${wall(at, zone)} in ${placeOf(zone)}${when}`;
}

/**
 * Places named per shift: an audience of many members' zones still makes a line that fits a
 * reminder's section (Slack refuses one over 3,000 characters).
 */
const MAX_PLACES = 8;

/**
 * `17:00 in Berlin and 16:00 in London (one hour earlier than usual)`: where the meeting is
 * off its usual time, zones shifted alike told together (the file's first, then the members'
 * most common).
 */
export function shiftedClause(meeting: MismatchMeeting, groupZone: string): string {
  const at = meeting.occurrence.startsAt;
  const byShift = new Map<number, string[]>();
  const counted = new Map<number, number>();
  for (const s of meeting.shifted) {
    counted.set(s.shiftMs, (counted.get(s.shiftMs) ?? 0) + 1);
    if (counted.get(s.shiftMs)! > MAX_PLACES) continue;
    byShift.set(s.shiftMs, [...(byShift.get(s.shiftMs) ?? []), wallThere(at, s.zone, groupZone)]);
  }
  return [...byShift]
    .map(([shift, places]) => {
      const more = counted.get(shift)! - places.length;
      const named = more > 0 ? [...places, `${more} more zone${more === 1 ? '' : 's'}`] : places;
      return `${and(named)} (${shiftWords(shift)} than usual)`;
    })
    .join(' and ');
}

/** `Los Angeles on 8 March and Berlin and London on 29 March`. */
function changesClause(changes: readonly ClockChange[]): string {
  const byDay = new Map<string, string[]>();
  for (const c of changes) {
    const day = formatZoned(c.at, c.zone, 'd MMMM');
    const places = byDay.get(day) ?? [];
    if (!places.includes(placeOf(c.zone))) places.push(placeOf(c.zone));
    byDay.set(day, places);
  }
  return and([...byDay].map(([day, places]) => `in ${and(places)} on ${day}`));
}

/** `12, 19 and 26 March`, or `29 October and 5 November`, in the group's zone. */
function daysClause(days: readonly Date[], zone: string): string {
  const months: { month: string; days: string[] }[] = [];
  for (const d of days) {
    const month = formatZoned(d, zone, 'MMMM');
    const last = months[months.length - 1];
    if (last?.month === month) last.days.push(formatZoned(d, zone, 'd'));
    else months.push({ month, days: [formatZoned(d, zone, 'd')] });
  }
  return and(months.map((m) => `${and(m.days)} ${m.month}`));
}

/**
 * The notice in the channel: "Heads-up: clocks change in Los Angeles on 8 March and in Berlin
 * and London on 29 March. On 12, 19 and 26 March the Weekly call is at 17:00 in Berlin and
 * 16:00 in London (one hour earlier than usual); still 09:00 in Los Angeles." Meetings that
 * read alike share a sentence; titles (from the groups file) are escaped.
 */
export function dstNoticeText(groupZone: string, mismatch: DstMismatch): string {
  const sentences = new Map<string, Date[]>();
  for (const m of mismatch.meetings) {
    const o = m.occurrence;
    const rest = `the ${escapePlain(o.title)} is at ${shiftedClause(m, groupZone)}; still ${wall(o.startsAt, groupZone)} in ${placeOf(groupZone)}`;
    sentences.set(rest, [...(sentences.get(rest) ?? []), o.startsAt]);
  }
  const body = [...sentences].map(([rest, days]) => `On ${daysClause(days, groupZone)} ${rest}.`);
  return [`:clock3: Heads-up: clocks change ${changesClause(mismatch.changes)}.`, ...body].join(' ');
}

/** The reminder's extra line for a meeting in a mismatch week. */
export const dstReminderLine = (meeting: MismatchMeeting, groupZone: string): string =>
  `:clock3: Clocks have changed on one side only: this time it is at ${shiftedClause(meeting, groupZone)}.`;

/** How long before the first affected meeting the notice is posted, unless the file says. */
export const DST_NOTICE_DEFAULT_MINUTES = (7 * 24 * HOUR_MS) / MINUTE_MS;
