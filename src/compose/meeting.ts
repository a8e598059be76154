import type { BlockAction, ButtonAction } from '@slack/bolt';
import { KEEP_MEETING_ACTION } from '../core/meeting/autoCancel.js';
import { AUTO_CANCEL_JOB, autoCancelJob } from '../jobs/autoCancelJob.js';
import { CANCELLED_NOTICE_JOB } from '../core/meeting/cancelledNotice.js';
import { cancelledNoticeJob } from '../jobs/cancelledNoticeJob.js';
import { DST_NOTICE_JOB } from '../core/dst/dstNoticeJob.js';
import { dstNoticeJob } from '../jobs/dstNoticeJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';
import { commandListener } from '../slack/commands/commandListener.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { keepMeetingButton } from '../slack/meeting/keepMeetingButton.js';
import { type MeetingCommandDeps, meetingCommand } from '../slack/meeting/meetingCommands.js';

/**
 * `/meeting next | notes | cancel | restore | add`, and the record's words (here, attendance …);
 * the cancellation of meetings without an agenda (`cancel_if_no_agenda`) and its Keep button;
 * the notice of a meeting the groups file cancels, and of a clock change that shifts meetings.
 */
export function wireMeeting(services: Services): { register(slack: SlackApp): void; jobs: JobHandlers } {
  const { groups, log, clock, occurrences, queue, workspace, minutes, records, github } = services;
  const replan = (groupId: string) => services.replan(groupId);
  const deps: MeetingCommandDeps = {
    clock,
    occurrences,
    queue,
    workspace,
    records,
    minutesOn: minutes !== undefined,
    githubOn: github !== undefined,
    replan,
  };
  const autoCancel = {
    clock,
    groups,
    occurrences,
    queue,
    workspace,
    replan,
    agenda: services.agenda,
    effects: services.effects,
  };
  return {
    register: (slack) => {
      slack.command('/meeting', commandListener({ groups, log }, meetingCommand(deps)));
      slack.app.action<BlockAction<ButtonAction>>(
        KEEP_MEETING_ACTION,
        keepMeetingButton({ ...autoCancel, log }),
      );
    },
    jobs: {
      [AUTO_CANCEL_JOB]: autoCancelJob(autoCancel),
      [CANCELLED_NOTICE_JOB]: cancelledNoticeJob({
        groups,
        workspace,
        occurrences,
        effects: services.effects,
      }),
      [DST_NOTICE_JOB]: dstNoticeJob({
        groups,
        occurrences,
        workspace,
        effects: services.effects,
        audience: services.audience,
      }),
    },
  };
}
