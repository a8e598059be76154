import { MINUTE_MS } from '../duration.js';
import type { ResolvedGroup } from '../groupDirectory.js';
import { minutesDueAt } from '../minutes/minutesJobPlan.js';
import type { Occurrence } from '../model/occurrence.js';
import type { JobSpec } from '../ports/jobQueue.js';
import { STAGE_AHEAD_MS } from '../reminder/reminderDelivery.js';
import { reminderDueAt } from '../reminder/reminderPlan.js';

export const AGENDA_COUNTS_JOB = 'agenda-counts';

export interface AgendaCountsPayload {
  readonly groupId: string;
}

/**
 * The counts are asked of GitHub this long before the job that shows them runs: the reminder
 * and the doc then only read what is stored, never wait on GitHub, and are never retried for
 * it. A count that could not be refreshed by then shows its last known total.
 */
export const COUNTS_AHEAD_MS = 3 * MINUTE_MS;

/** Every count job of a group starts with this (the planner cancels by it). */
export const agendaCountsPrefix = (groupId: string): string => `${AGENDA_COUNTS_JOB}:${groupId}:`;

/**
 * One refresh before each reminder of the meeting and one before its minutes doc, keyed by
 * meeting and purpose. Only for groups with `agenda.counts`.
 */
export function agendaCountsJobs(group: ResolvedGroup, occurrence: Occurrence): JobSpec[] {
  if (!group.agendaCounts?.length) return [];
  const startsAt = new Date(occurrence.startsAt);
  const payload: AgendaCountsPayload = { groupId: group.id };
  const spec = (purpose: string, showsAt: Date): JobSpec => ({
    key: `${agendaCountsPrefix(group.id)}${occurrence.startsAt}:${purpose}`,
    kind: AGENDA_COUNTS_JOB,
    runAt: new Date(showsAt.getTime() - COUNTS_AHEAD_MS),
    payload,
  });
  return [
    ...group.reminderLeadMinutes.map((lead) =>
      spec(`${lead}m`, new Date(reminderDueAt(startsAt, lead).getTime() - STAGE_AHEAD_MS)),
    ),
    ...(group.minutes ? [spec('minutes', minutesDueAt(startsAt, group.minutes))] : []),
  ];
}
