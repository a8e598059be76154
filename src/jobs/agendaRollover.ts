import { rolloverPlan } from '../core/agenda/rolloverPlan.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import type { Occurrence } from '../core/model/occurrence.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

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

/**
 * After a meeting: its open items move to the next meeting that has not started (or are
 * dropped, if the group says so; see rolloverPlan). Idempotent: a second run finds nothing
 * open, so a retry or a second replica changes nothing.
 */
export function agendaRolloverJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const payload = parsePayload<AgendaRolloverPayload>(job);
    const group = services.groups.byId(payload.groupId);
    if (!group) {
      log.info({ group: payload.groupId }, 'agenda rollover skipped: the group is no longer configured');
      return;
    }
    const meeting = await services.occurrences.find(group.id, payload.startsAt);
    if (!meeting) {
      log.warn(
        { group: group.id, startsAt: payload.startsAt },
        'agenda rollover skipped: the meeting is gone',
      );
      return;
    }
    const next = await services.occurrences.next(group.id, now);
    const plan = rolloverPlan({
      meetingStatus: meeting.status,
      mode: group.agendaRollover,
      next: next?.startsAt,
    });
    switch (plan.kind) {
      case 'move': {
        const moved = await services.agenda.rollOver(group.id, meeting.startsAt, plan.to, now);
        log.info(
          { group: group.id, from: meeting.startsAt, to: plan.to, items: moved.length },
          'agenda rolled over',
        );
        return;
      }
      case 'drop': {
        const dropped = await services.agenda.dropOpen(group.id, meeting.startsAt, now);
        log.info({ group: group.id, meeting: meeting.startsAt, items: dropped }, 'open agenda items dropped');
        return;
      }
      case 'keep':
        log.warn({ group: group.id, meeting: meeting.startsAt }, 'agenda kept: no next meeting is planned');
        return;
    }
  };
}
