import type { DayNumber } from './civilDate.js';
import { dayNumber, dayNumberOf, localDateOf } from './civilDate.js';
import { MAX_GAP_DAYS, type RuleShape, ruleDays } from './ruleDays.js';

/** How far a rule is checked: beyond the 28-year cycle of weekdays and months, INTERVAL included. */
const CHECKED_YEARS = 60;
/** Where a rule without `from` is checked from. */
const CHECK_FROM: DayNumber = dayNumberOf(2000, 1, 1);

/**
 * Why a rule cannot be planned, if it cannot: gavel looks for a rule's next meeting at most
 * MAX_GAP_DAYS ahead, so every gap between meetings (and before the first, from `from`) must be
 * shorter. Checked over CHECKED_YEARS from `from` (or 2000), to the rule's `until` or last
 * counted meeting; undefined when it holds.
 */
export function ruleGapProblem(rule: RuleShape): string | undefined {
  const start = rule.from === undefined ? CHECK_FROM : dayNumber(rule.from);
  const end = start + Math.round(CHECKED_YEARS * 365.25);
  const last = rule.until === undefined ? end : Math.min(end, dayNumber(rule.until));
  const days = ruleDays(rule, start, last);
  const f = rule.frequency;
  const counted = f.kind === 'rrule' && f.recurrence.count !== undefined;
  if (days.length === 0) return `no meeting between ${localDateOf(start)} and ${localDateOf(last)}`;
  let previous = start;
  // After the last meeting, a counted rule or one that reaches its until is simply over.
  const ends = counted || rule.until !== undefined ? [] : [last];
  for (const day of [...days, ...ends]) {
    if (day - previous > MAX_GAP_DAYS) {
      return `no meeting between ${localDateOf(previous)} and ${localDateOf(day)}; gavel needs one at least every ${MAX_GAP_DAYS} days`;
    }
    previous = day;
  }
  return undefined;
}
