import type { AgendaRolloverPayload } from '../core/agenda/agendaRolloverJob.js';
import { type RollOverAgendaDeps, rollOverAgenda } from '../usecases/agenda/rollOverAgenda.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** The agenda-rollover job (see agendaRolloverJobSpec): rolls the meeting's agenda over and logs what became of it. */
export function agendaRolloverJob(deps: RollOverAgendaDeps): JobHandler {
  return async (job, { now, log }) => {
    const payload = parsePayload<AgendaRolloverPayload>(job);
    const { groupId: group, startsAt } = payload;
    const outcome = await rollOverAgenda(deps, payload, now);
    switch (outcome.kind) {
      case 'no-group':
        log.info({ group }, 'agenda rollover skipped: the group is no longer configured');
        return;
      case 'no-meeting':
        log.warn({ group, startsAt }, 'agenda rollover skipped: the meeting is gone');
        return;
      case 'moved':
        log.info({ group, from: startsAt, to: outcome.to, items: outcome.items }, 'agenda rolled over');
        return;
      case 'dropped':
        log.info({ group, meeting: startsAt, items: outcome.items }, 'open agenda items dropped');
        return;
      case 'kept':
        log.warn({ group, meeting: startsAt }, 'agenda kept: no next meeting is planned');
        return;
    }
  };
}
