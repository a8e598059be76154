import type { MeetingRule, MeetingTime } from '../group.js';
import type { DayNumber } from './civilDate.js';
import { dayNumber } from './civilDate.js';
import { firstRuleDay } from './ruleDays.js';

type RotatingRule = Pick<
  MeetingRule,
  'weekday' | 'frequency' | 'from' | 'until' | 'time' | 'times' | 'joinUrl'
>;

/**
 * The day rotating times count from: the rule's first meeting on or after its `from`, or
 * the every-N-weeks anchor (parseGroups insists on one of them for `times`).
 */
export function rotationStart(rule: RotatingRule): DayNumber | undefined {
  const f = rule.frequency;
  const from = rule.from ?? (f.kind === 'weekly' ? f.anchor : undefined);
  return from === undefined ? undefined : firstRuleDay({ ...rule, until: undefined }, dayNumber(from));
}

/** Weeks between two meetings of a weekly rule, in days. */
export const weeklyStep = (rule: Pick<MeetingRule, 'frequency'>): number =>
  rule.frequency.kind === 'weekly' ? 7 * Math.max(1, Math.floor(rule.frequency.interval)) : 7;

/**
 * The time and join link of the rule's meeting on `day` (one of its days): with rotating
 * times the n-th meeting from the rotation's start takes times[n mod times.length].
 */
export function ruleTimeOn(rule: RotatingRule, day: DayNumber, start = rotationStart(rule)): MeetingTime {
  const times = rule.times;
  if (times === undefined || times.length === 0 || start === undefined) {
    return { time: rule.time, joinUrl: rule.joinUrl };
  }
  const n = Math.round((day - start) / weeklyStep(rule));
  const slot = times[((n % times.length) + times.length) % times.length]!;
  return { time: slot.time, joinUrl: slot.joinUrl ?? rule.joinUrl };
}
