import type { ReminderWithdrawPayload } from '../core/reminder/reminderWithdrawJob.js';
import { type WithdrawRemindersDeps, withdrawReminders } from '../usecases/reminders/withdrawReminders.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export { REMINDER_WITHDRAW_JOB } from '../core/reminder/reminderWithdrawJob.js';

/** A claimed withdrawal → withdrawReminders. */
export const reminderWithdrawJob =
  (deps: WithdrawRemindersDeps): JobHandler =>
  (job, { now, log }) =>
    withdrawReminders(deps, parsePayload<ReminderWithdrawPayload>(job), now, log);
