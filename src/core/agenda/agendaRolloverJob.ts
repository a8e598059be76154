import type { Occurrence } from '../model/occurrence.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const AGENDA_ROLLOVER_JOB = 'agenda-rollover';

export interface AgendaRolloverPayload {
  readonly groupId: string;
  /** The meeting's start instant, ISO UTC. */
  readonly startsAt: string;
}

export const agendaRolloverKey = (groupId: string, startsAt: string): string =>
  `${AGENDA_ROLLOVER_JOB}:${groupId}:${startsAt}`;

/**
 * One job per meeting, due when it ends. Deliberately not among the planner's cancellable
 * prefixes: the planner only keeps jobs of meetings that have not started, so it would cancel
 * the job of a meeting in progress, and a cancelled meeting's items must still move on.
 */
export function agendaRolloverJobSpec(groupId: string, occurrence: Occurrence): JobSpec {
  const payload: AgendaRolloverPayload = { groupId, startsAt: occurrence.startsAt };
  return {
    key: agendaRolloverKey(groupId, occurrence.startsAt),
    kind: AGENDA_ROLLOVER_JOB,
    runAt: new Date(occurrence.endsAt),
    payload,
  };
}
