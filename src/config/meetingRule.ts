import type { Frequency, NthWeekday } from '../core/group.js';
import { type LocalDate, type LocalTime, parseLocalDate, parseLocalTime } from '../core/ids.js';
import { dayNumber, localDateOf } from '../core/schedule/civilDate.js';
import { parseRecurrence, type RecurrenceUntil } from '../core/schedule/parseRecurrence.js';
import { ruleGapProblem } from '../core/schedule/ruleGap.js';
import { instantToLocal } from '../core/schedule/zonedTime.js';
import type { GroupEntry } from './groupsSchema.js';

type MeetingEntry = GroupEntry['meetings'][number];

const NTH: Record<string, NthWeekday> = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, last: 'last' };

/**
 * What is wrong with one meeting of the groups file beyond its schema, each problem as
 * `<field>: <why>` (the caller puts `groups.<id>.meetings[<i>].` in front).
 */
export function meetingProblems(m: MeetingEntry, timeZone: string): string[] {
  const problems: string[] = [];
  const f = m.frequency;
  const daily = typeof f === 'object' && ('rrule' in f || 'monthly_day' in f);
  const weekly = f === 'weekly' || 'every_weeks' in f;
  if (!daily && m.day === undefined) problems.push('day: required for weekly, every_weeks and monthly rules');
  if (daily && m.day !== undefined) {
    problems.push('day: not used with monthly_day or rrule, which name the days themselves');
  }
  if (m.time !== undefined && m.times !== undefined) problems.push('times: give time or times, not both');
  if (m.time === undefined && m.times === undefined)
    problems.push('time: required (or times: for rotating times)');
  if (m.times !== undefined && !weekly) {
    problems.push('times: rotating times need a weekly or every_weeks rule');
  }
  if (m.times !== undefined && f === 'weekly' && m.from === undefined) {
    problems.push(
      'from: rotating times are taken in turn from the first meeting on or after from: give from',
    );
  }
  if (typeof f === 'object' && 'rrule' in f) {
    const parsed = parseRecurrence(f.rrule);
    if (!parsed.ok) return [...problems, `frequency.rrule: ${parsed.problem}`];
    const { interval, count } = parsed.recurrence;
    if ((interval > 1 || count !== undefined) && m.from === undefined) {
      problems.push(
        `from: the RRULE's ${count === undefined ? 'INTERVAL' : 'COUNT'} counts from the first meeting on or after from: give from`,
      );
    }
    if (parsed.until !== undefined && m.until !== undefined) {
      problems.push("until: give until or the RRULE's UNTIL, not both");
    }
  }
  // Only an RRULE can leave more than a year between meetings (every_weeks is at most 52).
  if (problems.length > 0 || !(typeof f === 'object' && 'rrule' in f)) return problems;
  const { frequency, until } = toFrequency(m, timeZone);
  const gap = ruleGapProblem({
    weekday: m.day,
    frequency,
    from: m.from === undefined ? undefined : (m.from as LocalDate),
    until,
  });
  if (gap !== undefined) problems.push(`frequency.rrule: ${gap}`);
  return problems;
}

/** The meeting's frequency, with an RRULE's UNTIL folded into `until` (meetingProblems passed). */
export function toFrequency(
  m: MeetingEntry,
  timeZone: string,
): { frequency: Frequency; until: LocalDate | undefined } {
  const f = m.frequency;
  const until = m.until === undefined ? undefined : parseLocalDate(m.until);
  if (f === 'weekly') return { frequency: { kind: 'weekly', interval: 1, anchor: undefined }, until };
  if ('every_weeks' in f) {
    return {
      frequency: { kind: 'weekly', interval: f.every_weeks, anchor: parseLocalDate(f.from) },
      until,
    };
  }
  if ('monthly' in f) return { frequency: { kind: 'monthly', nth: NTH[f.monthly]! }, until };
  if ('monthly_day' in f) return { frequency: { kind: 'monthlyDay', day: f.monthly_day }, until };
  const parsed = parseRecurrence(f.rrule);
  if (!parsed.ok) throw new Error(`toFrequency: ${parsed.problem}`);
  const time = parseLocalTime(m.time ?? '00:00')!;
  return {
    frequency: { kind: 'rrule', recurrence: parsed.recurrence, text: f.rrule },
    until: parsed.until === undefined ? until : lastDate(parsed.until, time, timeZone),
  };
}

/**
 * The last date whose meeting starts no later than UNTIL: a UTC UNTIL is read in the group's
 * zone, a floating one as the group's wall time, a date as that date.
 */
function lastDate(until: RecurrenceUntil, time: LocalTime, timeZone: string): LocalDate {
  if (until.kind === 'date') return until.date as LocalDate;
  const local =
    until.kind === 'utc'
      ? instantToLocal(until.at, timeZone)
      : { date: until.date as LocalDate, time: until.time as LocalTime };
  return local.time < time ? localDateOf(dayNumber(local.date) - 1) : local.date;
}
