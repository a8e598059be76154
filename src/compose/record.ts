import type { JobHandlers } from '../jobs/jobHandler.js';
import { archiveJobs } from '../jobs/archiveJobs.js';
import { meetingRecordJobs } from '../jobs/meetingRecordJobs.js';
import type { Services } from '../services.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { registerRecord } from '../slack/record/registerRecord.js';
import type { KeyedSerial } from '../usecases/minutes/keyedSerial.js';
import type { RecordDeps } from '../usecases/record/recordDeps.js';

/**
 * The meeting record: the start post and its "I'm here", `/decision`, the wrap-up, recordings,
 * what is written back to GitHub and the minutes, and the meeting's publication to its
 * group's repository. `/meeting`'s record words are wired with
 * `/meeting`. Shares the minutes' serial: its doc writes queue behind theirs.
 */
export function wireRecord(
  services: Services,
  serial: KeyedSerial,
): { register(slack: SlackApp): void; jobs: JobHandlers } {
  const { github } = services;
  const deps: RecordDeps = {
    clock: services.clock,
    groups: services.groups,
    occurrences: services.occurrences,
    records: services.records,
    effects: services.effects,
    workspace: services.workspace,
    queue: services.queue,
    agenda: services.agenda,
    actionItems: services.actionItems,
    github,
    minutes: services.minutes,
    serial,
  };
  return {
    register: (slack) =>
      registerRecord(slack, {
        ...deps,
        groups: services.groups,
        log: services.log,
        githubOn: github !== undefined,
      }),
    jobs: {
      ...meetingRecordJobs(deps),
      ...archiveJobs({ ...deps, archive: services.archive, minutes: services.minutes }),
    },
  };
}
