import type { Group } from '../group.js';
import { minutesDueAt } from '../minutes/minutesJobPlan.js';
import { reminderDueAt } from '../reminder/reminderPlan.js';
import { occurrencesBetween, type PlannedOccurrence } from '../schedule/occurrences.js';
import { DAY_MS } from '../duration.js';

export interface UpcomingMeeting {
  readonly occurrence: PlannedOccurrence;
  /** One per lead time, largest lead first; empty for a cancelled meeting. */
  readonly reminders: readonly { readonly leadMinutes: number; readonly at: Date }[];
  /** When the minutes doc is created; undefined without minutes or when cancelled. */
  readonly minutesAt: Date | undefined;
}

const STEP_DAYS = 35;
/** A monthly meeting bounded by `from` may be far off; past a year the preview says "none". */
const HORIZON_DAYS = 400;

/**
 * The next `count` meetings that will happen after `now`, with the moments their reminders
 * and minutes doc are due (the same plans the job queue follows). Cancelled dates in between
 * are included and marked, but do not count: the chair sees the skips and five real meetings.
 */
export function upcomingMeetings(
  group: Pick<
    Group,
    | 'id'
    | 'timeZone'
    | 'meetings'
    | 'extraMeetings'
    | 'cancelled'
    | 'cancelReasons'
    | 'reminderLeadMinutes'
    | 'minutes'
  >,
  now: Date,
  count: number,
): UpcomingMeeting[] {
  const found: PlannedOccurrence[] = [];
  const horizon = now.getTime() + HORIZON_DAYS * DAY_MS;
  // Starts strictly after now, like nextOccurrence: a meeting starting this instant is under way.
  for (let start = now.getTime() + 1; start < horizon; start += STEP_DAYS * DAY_MS) {
    const end = Math.min(start + STEP_DAYS * DAY_MS, horizon);
    for (const o of occurrencesBetween(group, new Date(start), new Date(end))) {
      found.push(o);
      if (found.filter((f) => !f.cancelled).length === count) return found.map((f) => plan(group, f));
    }
  }
  return found.map((f) => plan(group, f));
}

function plan(
  group: Pick<Group, 'id' | 'reminderLeadMinutes' | 'minutes'>,
  o: PlannedOccurrence,
): UpcomingMeeting {
  if (o.cancelled) return { occurrence: o, reminders: [], minutesAt: undefined };
  return {
    occurrence: o,
    // When the channel sees it, not when the job hands it to Slack.
    reminders: group.reminderLeadMinutes.map((leadMinutes) => ({
      leadMinutes,
      at: reminderDueAt(o.startsAt, leadMinutes),
    })),
    minutesAt: group.minutes ? minutesDueAt(o.startsAt, group.minutes) : undefined,
  };
}
