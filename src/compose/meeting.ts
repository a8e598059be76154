import { CANCELLED_NOTICE_JOB } from '../core/meeting/cancelledNotice.js';
import { cancelledNoticeJob } from '../jobs/cancelledNoticeJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';
import { commandListener } from '../slack/commands/commandListener.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { type MeetingCommandDeps, meetingCommand } from '../slack/meeting/meetingCommands.js';

/**
 * `/meeting next | notes | cancel | restore | add`, and the record's words (here, attendance …);
 * the notice of a meeting the groups file cancels.
 */
export function wireMeeting(services: Services): { register(slack: SlackApp): void; jobs: JobHandlers } {
  const { groups, log, clock, occurrences, queue, workspace, minutes, records, github } = services;
  const deps: MeetingCommandDeps = {
    clock,
    occurrences,
    queue,
    workspace,
    records,
    minutesOn: minutes !== undefined,
    githubOn: github !== undefined,
    replan: (groupId) => services.replan(groupId),
  };
  return {
    jobs: {
      [CANCELLED_NOTICE_JOB]: cancelledNoticeJob({ groups, workspace, effects: services.effects }),
    },
    register: (slack) => slack.command('/meeting', commandListener({ groups, log }, meetingCommand(deps))),
  };
}
