import type { Group } from '../group.js';
import { CANCELLED_FOR_NO_AGENDA } from '../meeting/autoCancel.js';
import type { LocalTime } from '../ids.js';
import type { Occurrence } from '../model/occurrence.js';
import { dayNumber, weekdayOf } from '../schedule/civilDate.js';
import { instantToLocal } from '../schedule/zonedTime.js';
import type { OverviewMeeting } from './meetingsOverview.js';

/**
 * A meeting as the weekly digest shows it: who cancelled it (the groups file, with its reason, or a person by
 * their Slack name; nobody is mentioned, so nobody is pinged), and the group's usual time
 * when the meeting is held at another one.
 */
export function digestMeeting(
  group: Pick<Group, 'meetings' | 'timeZone' | 'cancelReasons'>,
  o: Occurrence,
  names: ReadonlyMap<string, string>,
): OverviewMeeting {
  const cancelledHow =
    o.status !== 'cancelled' || o.cancelledBy === null
      ? undefined
      : o.cancelledBy === 'config'
        ? fileCancellationHow(group.cancelReasons?.[o.localDate])
        : o.cancelledBy === CANCELLED_FOR_NO_AGENDA
          ? 'for want of an agenda'
          : names.has(o.cancelledBy)
            ? `by ${names.get(o.cancelledBy)!}`
            : undefined;
  const usualTime = usualTimeIfOther(group, o);
  return {
    ...o,
    ...(cancelledHow ? { cancelledHow } : {}),
    ...(usualTime ? { usualTime } : {}),
  };
}

/** `in the groups file: Thanksgiving Day` (the reason escaped where it is shown). */
const fileCancellationHow = (reason: string | undefined): string =>
  reason === undefined ? 'in the groups file' : `in the groups file: ${reason}`;

/**
 * The rule's wall time when the meeting starts at another one: its own rule's (a daylight
 * saving gap moves it), else, for a one-off meeting, that of the group's rules on the same
 * weekday (none of them at the meeting's time). Undefined when it is at the usual time or
 * there is no usual time to compare with.
 */
export function usualTimeIfOther(
  group: Pick<Group, 'meetings' | 'timeZone'>,
  o: Pick<Occurrence, 'startsAt' | 'localDate' | 'ruleId' | 'source'>,
): LocalTime | undefined {
  const wall = instantToLocal(new Date(o.startsAt), group.timeZone).time;
  const weekday = weekdayOf(dayNumber(o.localDate));
  const rules =
    o.source === 'rule'
      ? group.meetings.filter((r) => r.id === o.ruleId)
      : group.meetings.filter((r) => r.weekday === weekday);
  if (rules.length === 0 || rules.some((r) => r.time === wall)) return undefined;
  return rules[0]!.time;
}
