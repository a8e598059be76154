import type { Group } from '../group.js';
import type { LocalDate } from '../ids.js';
import type { DayNumber } from './civilDate.js';
import { dayNumber, localDateOf } from './civilDate.js';
import { ruleDays } from './ruleDays.js';
import { rotationStart, ruleTimeOn } from './ruleTime.js';
import { localToInstant } from './zonedTime.js';
import { DAY_MS, MINUTE_MS } from '../duration.js';

export type ScheduleInput = Pick<
  Group,
  'timeZone' | 'meetings' | 'extraMeetings' | 'cancelled' | 'cancelReasons' | 'ruleCancelled'
>;

/** One meeting as groups.yml makes it. */
export interface PlannedOccurrence {
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The date the rule or extra meeting names, in the group's zone. */
  readonly localDate: LocalDate;
  readonly title: string;
  readonly source: 'rule' | 'extra';
  readonly ruleId: string | null;
  readonly joinUrl?: string;
  readonly dialIn?: string;
  /** Its date is listed under `cancelled`; still returned so callers can show or skip it. */
  readonly cancelled: boolean;
  /** Why the file cancels it, when it says (`cancelled:` with a reason, or a break). */
  readonly cancelReason?: string;
  /** Only a break or a public holiday cancels it (no `cancelled:` entry): a lead may restore it. */
  readonly cancelledByRule?: true;
}

/** Zone offsets stay within ±14 h and a gap moves a time by at most a day. */
const MARGIN_DAYS = 2;
const NEXT_HORIZON_DAYS = 400;
const NEXT_STEP_DAYS = 35;

/** Every occurrence starting in [from, to), sorted by start; one per start instant. */
export function occurrencesBetween(group: ScheduleInput, from: Date, to: Date): PlannedOccurrence[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return [];
  const first = Math.floor(lo / DAY_MS) - MARGIN_DAYS;
  const last = Math.floor((hi - 1) / DAY_MS) + MARGIN_DAYS;
  return occurrencesOnDays(group, first, last).filter((o) => {
    const t = o.startsAt.getTime();
    return t >= lo && t < hi;
  });
}

/** The first occurrence after `now` that is not cancelled, looking about 400 days ahead. */
export function nextOccurrence(group: ScheduleInput, now: Date): PlannedOccurrence | undefined {
  const horizon = now.getTime() + NEXT_HORIZON_DAYS * DAY_MS;
  // Short windows first: the next meeting is nearly always within a few weeks.
  for (let start = now.getTime() + 1; start < horizon; start += NEXT_STEP_DAYS * DAY_MS) {
    const end = Math.min(start + NEXT_STEP_DAYS * DAY_MS, horizon);
    const found = occurrencesBetween(group, new Date(start), new Date(end)).find((o) => !o.cancelled);
    if (found) return found;
  }
  return undefined;
}

/** The occurrences a local date names, cancelled ones included. */
export function occurrenceOn(group: ScheduleInput, date: LocalDate): PlannedOccurrence[] {
  const day = dayNumber(date);
  return occurrencesOnDays(group, day, day);
}

/** The occurrences whose local dates are in [from, until], cancelled ones included (a break's meetings). */
export function occurrencesFromTo(
  group: ScheduleInput,
  from: LocalDate,
  until: LocalDate,
): PlannedOccurrence[] {
  return occurrencesOnDays(group, dayNumber(from), dayNumber(until));
}

/** Occurrences whose local date is in [first, last], sorted; a rule wins over an extra at the same instant. */
function occurrencesOnDays(group: ScheduleInput, first: DayNumber, last: DayNumber): PlannedOccurrence[] {
  const cancelled = new Set<string>(group.cancelled);
  const byRule = new Set<string>(group.ruleCancelled ?? []);
  const byStart = new Map<number, PlannedOccurrence>();
  const add = (o: Omit<PlannedOccurrence, 'endsAt' | 'cancelled'>, durationMinutes: number) => {
    const t = o.startsAt.getTime();
    if (byStart.has(t)) return;
    const isCancelled = cancelled.has(o.localDate);
    const reason = isCancelled ? group.cancelReasons?.[o.localDate] : undefined;
    byStart.set(t, {
      ...o,
      endsAt: new Date(t + durationMinutes * MINUTE_MS),
      cancelled: isCancelled,
      ...(reason === undefined ? {} : { cancelReason: reason }),
      ...(isCancelled && byRule.has(o.localDate) ? { cancelledByRule: true as const } : {}),
    });
  };
  for (const rule of group.meetings) {
    const start = rotationStart(rule);
    for (const day of ruleDays(rule, first, last)) {
      const localDate = localDateOf(day);
      const { time, joinUrl } = ruleTimeOn(rule, day, start);
      add(
        {
          startsAt: localToInstant(localDate, time, group.timeZone),
          localDate,
          title: rule.title,
          source: 'rule',
          ruleId: rule.id,
          joinUrl,
          dialIn: rule.dialIn,
        },
        rule.durationMinutes,
      );
    }
  }
  for (const extra of group.extraMeetings) {
    const day = dayNumber(extra.date);
    if (day < first || day > last) continue;
    add(
      {
        startsAt: localToInstant(extra.date, extra.time, group.timeZone),
        localDate: extra.date,
        title: extra.title,
        source: 'extra',
        ruleId: null,
        joinUrl: extra.joinUrl,
        dialIn: extra.dialIn,
      },
      extra.durationMinutes,
    );
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
