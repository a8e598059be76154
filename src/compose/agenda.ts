import { AGENDA_ROLLOVER_JOB } from '../core/agenda/agendaRolloverJob.js';
import { agendaRolloverJob } from '../jobs/agendaRollover.js';
import { AGENDA_COUNTS_JOB } from '../core/agenda/agendaCountsJob.js';
import { agendaCountsJob } from '../jobs/agendaCountsJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import type { AgendaDeps } from '../slack/agenda/agendaDeps.js';
import { registerAgenda } from '../slack/agenda/registerAgenda.js';

/** The agenda: `/agenda`, its form and buttons, and the rollover job after each meeting. */
export function wireAgenda(services: Services): { register(slack: SlackApp): void; jobs: JobHandlers } {
  const { groups, log, clock, agenda, occurrences, workspace, queue, agendaCounts, search } = services;
  const deps: AgendaDeps = { groups, log, clock, agenda, occurrences, workspace, queue };
  return {
    register: (slack) => registerAgenda(slack, deps),
    jobs: {
      [AGENDA_ROLLOVER_JOB]: agendaRolloverJob({ groups, occurrences, agenda, queue }),
      [AGENDA_COUNTS_JOB]: agendaCountsJob({ groups, agendaCounts, search }),
    },
  };
}
