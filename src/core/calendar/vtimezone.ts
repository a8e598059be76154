import type { NthWeekday, Weekday } from '../group.js';
import { daysInMonth, weekdayOf } from '../schedule/civilDate.js';
import { nthWeekdayOfMonth } from '../schedule/ruleDays.js';
import { zoneOffsetMs } from '../schedule/zoneOffset.js';
import { byDay, utcOffset, wallDateTime } from './icsValues.js';
import { DAY_MS } from '../duration.js';

/**
 * A VTIMEZONE for an IANA zone, derived from the runtime's tz database.
 *
 * The zone's transitions between two years are found by scanning its offset. If the
 * transitions of the last year follow "nth/last weekday of a month" rules that also hold for
 * at least the two years before it, those years onward become yearly RRULE observances, so
 * clients that read the VTIMEZONE stay right for any future date; earlier transitions, and
 * all transitions of irregular zones (Morocco's Ramadan breaks), are listed one by one.
 */
export function vtimezoneLines(timeZone: string, firstYear: number, lastYear: number): string[] {
  const start = Date.UTC(firstYear, 0, 1);
  const transitions = findTransitions(timeZone, start, Date.UTC(lastYear + 1, 0, 1));
  const rules = yearlyRules(transitions, firstYear, lastYear);
  const explicit = rules ? transitions.filter((t) => yearOf(t) < rules.since) : transitions;

  const initial = zoneOffsetMs(timeZone, start);
  const firstChange = transitions[0];
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    ...observance(
      firstChange && firstChange.to < initial ? 'DAYLIGHT' : 'STANDARD',
      start + initial,
      initial,
      initial,
    ),
    ...explicit.flatMap((t) => observance(kindOf(t), t.at + t.from, t.from, t.to)),
  ];
  for (const rule of rules?.rules ?? []) {
    lines.push(
      ...observance(kindOf(rule), predictedWall(rule, rules?.since ?? firstYear), rule.from, rule.to, [
        `RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.nth === 'last' ? -1 : rule.nth}${byDay(rule.weekday)}`,
      ]),
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

interface Transition {
  /** The first instant of the new offset. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

interface YearlyRule {
  readonly month: number;
  readonly weekday: Weekday;
  readonly nth: NthWeekday;
  readonly msOfDay: number;
  readonly from: number;
  readonly to: number;
}

const WEEK_MS = 7 * DAY_MS;
/** Years the derived rules must hold for before they are trusted to extrapolate. */
const MIN_RULE_YEARS = 3;

const kindOf = (t: { from: number; to: number }) => (t.to > t.from ? 'DAYLIGHT' : 'STANDARD');
const wallOf = (t: Transition) => t.at + t.from;
const yearOf = (t: Transition) => new Date(wallOf(t)).getUTCFullYear();

function observance(
  kind: 'STANDARD' | 'DAYLIGHT',
  wallMs: number,
  from: number,
  to: number,
  extra: readonly string[] = [],
): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${wallDateTime(wallMs)}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    ...extra,
    `END:${kind}`,
  ];
}

/** Offset changes in [from, to), to the second. A change undone within a week is missed. */
function findTransitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let cursor = from;
  let offset = zoneOffsetMs(timeZone, cursor);
  while (cursor < to) {
    const end = Math.min(cursor + WEEK_MS, to);
    if (zoneOffsetMs(timeZone, end) === offset) {
      cursor = end;
      continue;
    }
    let [lo, hi] = [cursor, end];
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (zoneOffsetMs(timeZone, mid) === offset) lo = mid;
      else hi = mid;
    }
    const next = zoneOffsetMs(timeZone, hi);
    found.push({ at: hi, from: offset, to: next });
    [cursor, offset] = [hi, next];
  }
  return found;
}

function predictedWall(rule: YearlyRule, year: number): number {
  return nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth) * DAY_MS + rule.msOfDay;
}

function candidates(t: Transition): YearlyRule[] {
  const wall = new Date(wallOf(t));
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
  const base = {
    month,
    weekday: weekdayOf(Math.floor(wallOf(t) / DAY_MS)),
    msOfDay: wallOf(t) % DAY_MS,
    from: t.from,
    to: t.to,
  };
  const found: YearlyRule[] = [];
  const nth = Math.ceil(day / 7);
  if (nth <= 4) found.push({ ...base, nth: nth as 1 | 2 | 3 | 4 });
  if (day + 7 > daysInMonth(year, month)) found.push({ ...base, nth: 'last' });
  return found;
}

/** The rules the last year's transitions follow, and the first year since which they all hold. */
function yearlyRules(
  transitions: readonly Transition[],
  firstYear: number,
  lastYear: number,
): { rules: YearlyRule[]; since: number } | undefined {
  const byYear = (year: number) => transitions.filter((t) => yearOf(t) === year);
  const explains = (rule: YearlyRule, year: number) =>
    byYear(year).some(
      (t) => t.from === rule.from && t.to === rule.to && wallOf(t) === predictedWall(rule, year),
    );
  const holdsSince = (rule: YearlyRule) => {
    let year = lastYear;
    while (year > firstYear && explains(rule, year - 1)) year -= 1;
    return year;
  };
  const last = byYear(lastYear);
  if (last.length === 0) return undefined;
  const rules: YearlyRule[] = [];
  for (const t of last) {
    const best = candidates(t).sort((a, b) => holdsSince(a) - holdsSince(b))[0];
    if (!best) return undefined;
    rules.push(best);
  }
  let since = lastYear;
  while (
    since > firstYear &&
    byYear(since - 1).length === rules.length &&
    rules.every((rule) => explains(rule, since - 1))
  ) {
    since -= 1;
  }
  return lastYear - since + 1 >= MIN_RULE_YEARS ? { rules, since } : undefined;
}
