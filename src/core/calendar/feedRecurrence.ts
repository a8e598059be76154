import type { MeetingRule } from '../group.js';
import type { LocalTime } from '../ids.js';
import type { DayNumber } from '../schedule/civilDate.js';
import { dayNumber, localDateOf } from '../schedule/civilDate.js';
import { recurrenceRuleText } from '../schedule/parseRecurrence.js';
import { monthlyDayRecurrence } from '../schedule/recurrence.js';
import { MAX_GAP_DAYS, ruleDays } from '../schedule/ruleDays.js';
import { localToInstant } from '../schedule/zonedTime.js';
import { byDay, utcDateTime } from './icsValues.js';

/**
 * The RRULE value of a single-time rule whose series starts on `first`. The rule's last date
 * (its `until`, or the day of an RRULE's last counted meeting) becomes UNTIL: RFC 5545 forbids
 * COUNT with UNTIL, and a calendar counts COUNT from DTSTART, which is not the meeting's `from`.
 */
export function feedRecurrence(rule: MeetingRule, first: DayNumber, timeZone: string): string {
  const f = rule.frequency;
  const parts =
    f.kind === 'weekly'
      ? ['FREQ=WEEKLY', `INTERVAL=${Math.max(1, Math.floor(f.interval))}`, `BYDAY=${byDay(rule.weekday!)}`]
      : f.kind === 'monthly'
        ? ['FREQ=MONTHLY', `BYDAY=${f.nth === 'last' ? -1 : f.nth}${byDay(rule.weekday!)}`]
        : [recurrenceRuleText(f.kind === 'rrule' ? f.recurrence : monthlyDayRecurrence(f.day))];
  const last = f.kind === 'rrule' && f.recurrence.count !== undefined ? lastCounted(rule, first) : undefined;
  const until = last ?? (rule.until === undefined ? undefined : dayNumber(rule.until));
  if (until !== undefined) {
    // UNTIL must be UTC when DTSTART has a TZID (RFC 5545 §3.3.10); the end of the until
    // date keeps that day's meeting whatever its time.
    const next = localDateOf(until + 1);
    const end = new Date(localToInstant(next, '00:00' as LocalTime, timeZone).getTime() - 1000);
    parts.push(`UNTIL=${utcDateTime(end)}`);
  }
  return parts.join(';');
}

/** The day of a counted RRULE's last meeting (COUNT ≤ 1000, gaps ≤ MAX_GAP_DAYS). */
function lastCounted(rule: MeetingRule, first: DayNumber): DayNumber {
  const count = rule.frequency.kind === 'rrule' ? (rule.frequency.recurrence.count ?? 1) : 1;
  return ruleDays(rule, first, first + count * (MAX_GAP_DAYS + 1)).at(-1) ?? first;
}
