import type { MeetingRule } from '../group.js';
import type { DayNumber } from '../schedule/civilDate.js';
import { localDateOf } from '../schedule/civilDate.js';
import { firstRuleDay } from '../schedule/ruleDays.js';
import { rotationStart, ruleTimeOn, weeklyStep } from '../schedule/ruleTime.js';

/** One recurring VEVENT: a rule with a single time, its UID's first part and first day. */
export interface FeedSeries {
  readonly rule: MeetingRule;
  readonly uid: string;
  readonly first: DayNumber;
}

/**
 * The recurring events a rule becomes, from its first day on or after `day`. A VEVENT has one
 * time of day, so a weekly rule with n rotating times becomes n series every n × interval
 * weeks, each with its own time and join link (UIDs `<rule>.<n>`, n counting the times from
 * 1); any other rule is one series.
 */
export function feedSeries(rule: MeetingRule, day: DayNumber): FeedSeries[] {
  const first = firstRuleDay(rule, day);
  if (first === undefined) return [];
  const times = rule.times ?? [];
  const start = rotationStart(rule);
  if (times.length < 2 || start === undefined || rule.frequency.kind !== 'weekly') {
    return [{ rule: { ...rule, times: undefined }, uid: rule.id, first }];
  }
  const step = weeklyStep(rule);
  return times.map((_, i) => {
    const seriesFirst = first + i * step;
    const { time, joinUrl } = ruleTimeOn(rule, seriesFirst, start);
    const slot =
      (((Math.round((seriesFirst - start) / step) % times.length) + times.length) % times.length) + 1;
    return {
      rule: {
        ...rule,
        time,
        joinUrl,
        times: undefined,
        frequency: {
          kind: 'weekly',
          interval: (step / 7) * times.length,
          anchor: localDateOf(seriesFirst),
        },
      },
      uid: `${rule.id}.${slot}`,
      first: seriesFirst,
    };
  });
}
