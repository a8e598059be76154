import type { GroupId } from '../ids.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const REMINDER_WITHDRAW_JOB = 'reminder-withdraw';

export interface ReminderWithdrawPayload {
  readonly groupId: GroupId;
  readonly startsAt: string;
  /** Where Slack holds the reminder, when the group may be gone by the time the job runs. */
  readonly channelId?: string;
}

/** Keyed by the moment of the cancellation: cancel, restore and cancel again withdraws twice. */
export const reminderWithdrawJobSpec = (
  groupId: GroupId,
  startsAt: string,
  now: Date,
  channelId?: string,
): JobSpec => ({
  key: `${REMINDER_WITHDRAW_JOB}:${groupId}:${startsAt}:${now.toISOString()}`,
  kind: REMINDER_WITHDRAW_JOB,
  payload: {
    groupId,
    startsAt,
    ...(channelId === undefined ? {} : { channelId }),
  } satisfies ReminderWithdrawPayload,
  runAt: now,
});
