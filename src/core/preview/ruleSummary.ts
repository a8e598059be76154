import type { MeetingRule } from '../group.js';

const ORDINAL: Record<string, string> = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', last: 'last' };

/**
 * One line saying how a rule repeats, as the groups file put it: `every tuesday`, `the 16th of
 * each month (months without one have no meeting)`, `RRULE FREQ=MONTHLY;…`; with rotating
 * times, the times in turn.
 */
export function ruleSummary(rule: MeetingRule): string {
  const f = rule.frequency;
  const when =
    f.kind === 'weekly'
      ? f.interval > 1
        ? `every ${f.interval} weeks on ${rule.weekday}${f.anchor ? ` from ${f.anchor}` : ''}`
        : `every ${rule.weekday}`
      : f.kind === 'monthly'
        ? `the ${ORDINAL[String(f.nth)]} ${rule.weekday} of each month`
        : f.kind === 'monthlyDay'
          ? `day ${f.day} of each month (a month without it has no meeting)`
          : `RRULE ${f.text}`;
  const at =
    rule.times === undefined
      ? `at ${rule.time}`
      : `at ${rule.times.map((t) => t.time).join(', ')} in turn${rule.from ? ` from ${rule.from}` : ''}`;
  const bounds = [
    rule.from && rule.times === undefined ? `from ${rule.from}` : '',
    rule.until ? `until ${rule.until}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${rule.title}: ${when}, ${at}${bounds ? `, ${bounds}` : ''}`;
}
