import type { AgendaCountsPayload } from '../core/agenda/agendaCountsJob.js';
import { type RefreshAgendaCountsDeps, refreshAgendaCounts } from '../usecases/agenda/refreshAgendaCounts.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** The agenda-counts job (see agendaCountsJobs): refreshes the group's counts before a reminder or doc. */
export function agendaCountsJob(deps: RefreshAgendaCountsDeps): JobHandler {
  return async (job, { now, log }) => {
    const outcome = await refreshAgendaCounts(deps, parsePayload<AgendaCountsPayload>(job), now, log);
    log.info(outcome, 'agenda counts refreshed');
  };
}
