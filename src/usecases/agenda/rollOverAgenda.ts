import type { AgendaRolloverPayload } from '../../core/agenda/agendaRolloverJob.js';
import { rolloverPlan } from '../../core/agenda/rolloverPlan.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import { agendaMinutesJobs } from '../../core/minutes/agendaMinutesJob.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

export interface RollOverAgendaDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find' | 'next'>;
  readonly agenda: Pick<AgendaRepository, 'rollOver' | 'dropOpen'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
}

/** What became of a meeting's open items. */
export type RolloverOutcome =
  | { readonly kind: 'no-group' }
  | { readonly kind: 'no-meeting' }
  | { readonly kind: 'moved'; readonly to: string; readonly items: number }
  | { readonly kind: 'dropped'; readonly items: number }
  /** No next meeting is planned: the items stay, open. */
  | { readonly kind: 'kept' };

/**
 * After a meeting: its open items move to the next meeting that has not started (or are
 * dropped, if the group says so; see rolloverPlan). Idempotent: a second run finds nothing
 * open, so a retry or a second replica changes nothing.
 */
export async function rollOverAgenda(
  deps: RollOverAgendaDeps,
  payload: AgendaRolloverPayload,
  now: Date,
): Promise<RolloverOutcome> {
  const group = deps.groups.byId(payload.groupId);
  if (!group) return { kind: 'no-group' };
  const meeting = await deps.occurrences.find(group.id, payload.startsAt);
  if (!meeting) return { kind: 'no-meeting' };
  const next = await deps.occurrences.next(group.id, now);
  const plan = rolloverPlan({
    meetingStatus: meeting.status,
    mode: group.agendaRollover,
    next: next?.startsAt,
  });
  switch (plan.kind) {
    case 'move': {
      const moved = await deps.agenda.rollOver(group.id, meeting.startsAt, plan.to, now);
      // Into the next meeting's minutes, when they exist already.
      await deps.queue.enqueue(agendaMinutesJobs(group, moved, now), now);
      return { kind: 'moved', to: plan.to, items: moved.length };
    }
    case 'drop':
      return { kind: 'dropped', items: await deps.agenda.dropOpen(group.id, meeting.startsAt, now) };
    case 'keep':
      return { kind: 'kept' };
  }
}
