import type { Group } from '../group.js';
import type { AgendaItem, AgendaItemId } from '../model/agendaItem.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const AGENDA_MINUTES_JOB = 'agenda-minutes';

export interface AgendaMinutesPayload {
  readonly itemId: AgendaItemId;
  /** The meeting the item was put on: a later move or rollover is a job of its own. */
  readonly meetingStartsAt: string;
}

/**
 * Writes an agenda item into its meeting's minutes, when the doc already exists (a doc made
 * later lists it anyway). Keyed by the stored item and the meeting it is on, never by the
 * moment: the command that saved it enqueues it, the planner enqueues it again for the items
 * changed in the last day, and both give the same key. Only for groups with minutes.
 */
export function agendaMinutesJobs(
  group: Pick<Group, 'minutes'>,
  items: readonly Pick<AgendaItem, 'id' | 'meetingStartsAt' | 'status'>[],
  now: Date,
): JobSpec[] {
  if (!group.minutes) return [];
  return items
    .filter((i) => i.status === 'open')
    .map((i) => {
      const payload: AgendaMinutesPayload = { itemId: i.id, meetingStartsAt: i.meetingStartsAt };
      return {
        key: `${AGENDA_MINUTES_JOB}:${i.id}:${i.meetingStartsAt}`,
        kind: AGENDA_MINUTES_JOB,
        runAt: now,
        payload,
      };
    });
}
