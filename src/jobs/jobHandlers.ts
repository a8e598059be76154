import { RETENTION_JOB } from '../core/jobs/retention.js';
import type { Services } from '../services.js';
import type { JobHandlers } from './jobHandler.js';
import { AGENDA_ROLLOVER_JOB, agendaRolloverJob } from './agendaRollover.js';
import { GITHUB_ISSUE_JOB, githubIssueJob } from './githubIssueJob.js';
import { GITHUB_ISSUE_STATE_JOB, githubIssueStateJob } from './githubIssueStateJob.js';
import { MINUTES_ANNOUNCE_JOB, minutesAnnounceJob } from './minutesAnnounceJob.js';
import { MINUTES_JOB, minutesJob } from './minutesJob.js';
import { REMINDER_JOB, reminderJob } from './reminderJob.js';
import { REMINDER_WITHDRAW_JOB, reminderWithdrawJob } from './reminderWithdrawJob.js';
import { retentionJob } from './retentionJob.js';
import { TODO_DUE_DM_JOB, todoDueDmJob } from './todoDueDmJob.js';
import { TODO_DUE_JOB, todoDueJob } from './todoDueJob.js';
import { TODO_ISSUE_LINK_JOB, todoIssueLinkJob } from './todoIssueLinkJob.js';
import { TODO_MESSAGE_JOB, todoMessageJob } from './todoMessageJob.js';
import { TODO_MINUTES_JOB, todoMinutesJob } from './todoMinutesJob.js';
import { TODO_RECONCILE_JOB, todoReconcileJob } from './todoReconcileJob.js';

/** Every kind of durable job gavel runs, by kind. */
export function jobHandlers(services: Services): JobHandlers {
  return {
    [REMINDER_JOB]: reminderJob(services),
    [REMINDER_WITHDRAW_JOB]: reminderWithdrawJob(services),
    [AGENDA_ROLLOVER_JOB]: agendaRolloverJob(services),
    [MINUTES_JOB]: minutesJob(services),
    [MINUTES_ANNOUNCE_JOB]: minutesAnnounceJob(services),
    [GITHUB_ISSUE_JOB]: githubIssueJob(services),
    [GITHUB_ISSUE_STATE_JOB]: githubIssueStateJob(services),
    [TODO_ISSUE_LINK_JOB]: todoIssueLinkJob(services),
    [TODO_MESSAGE_JOB]: todoMessageJob(services),
    [TODO_DUE_JOB]: todoDueJob(services),
    [TODO_DUE_DM_JOB]: todoDueDmJob(services),
    [TODO_RECONCILE_JOB]: todoReconcileJob(services),
    [TODO_MINUTES_JOB]: todoMinutesJob(services),
    [RETENTION_JOB]: retentionJob(services),
  };
}
