import { AGENDA_MINUTES_JOB } from '../core/minutes/agendaMinutesJob.js';
import { MINUTES_ANNOUNCE_JOB, MINUTES_JOB } from '../core/minutes/minutesJobPlan.js';
import { TODO_MINUTES_JOB } from '../core/todo/todoJobs.js';
import { agendaMinutesJob } from '../jobs/agendaMinutesJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import { minutesAnnounceJob } from '../jobs/minutesAnnounceJob.js';
import { minutesJob } from '../jobs/minutesJob.js';
import { todoMinutesJob } from '../jobs/todoMinutesJob.js';
import type { Services } from '../services.js';
import type { KeyedSerial } from '../usecases/minutes/keyedSerial.js';

/**
 * Minutes docs: creating a meeting's doc or running-doc section, announcing it, and writing
 * later agenda items and action items into it. Every write to a doc goes through one serial, keyed by the doc.
 */
export function wireMinutes(services: Services, serial: KeyedSerial): { jobs: JobHandlers } {
  const { groups, occurrences, agenda, agendaCounts, actionItems, queue, workspace, minutes } = services;
  return {
    jobs: {
      [MINUTES_JOB]: minutesJob({
        groups,
        occurrences,
        agenda,
        agendaCounts,
        queue,
        workspace,
        minutes,
        serial,
      }),
      [MINUTES_ANNOUNCE_JOB]: minutesAnnounceJob({ groups, occurrences, workspace }),
      [AGENDA_MINUTES_JOB]: agendaMinutesJob({ agenda, groups, occurrences, workspace, minutes, serial }),
      [TODO_MINUTES_JOB]: todoMinutesJob({ actionItems, groups, occurrences, workspace, minutes, serial }),
    },
  };
}
