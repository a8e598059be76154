import type { ReminderPayload } from '../core/reminder/reminderPlan.js';
import { type SendReminderDeps, sendReminder } from '../usecases/reminders/sendReminder.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export const REMINDER_JOB = 'reminder';

/** A claimed reminder job → sendReminder (Slack's 429s are waited out inside the Web API client). */
export const reminderJob =
  (deps: SendReminderDeps): JobHandler =>
  (job, { now, log }) =>
    sendReminder(deps, job.key, parsePayload<ReminderPayload>(job), now, log);
