import { reminderKeyPrefix } from '../core/reminder/reminderPlan.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { slackAnswered } from '../slack/slackAnswered.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export const REMINDER_WITHDRAW_JOB = 'reminder-withdraw';

interface Payload {
  readonly groupId: string;
  readonly startsAt: string;
}

/** Keyed by the moment of the cancellation: cancel, restore and cancel again withdraws twice. */
export const reminderWithdrawJobSpec = (groupId: string, startsAt: string, now: Date): JobSpec => ({
  key: `${REMINDER_WITHDRAW_JOB}:${groupId}:${startsAt}:${now.toISOString()}`,
  kind: REMINDER_WITHDRAW_JOB,
  payload: { groupId, startsAt } satisfies Payload,
  runAt: now,
});

/**
 * A meeting cancelled after its reminder was handed to Slack (the two minutes before the
 * reminder's time): the pending message is deleted, and its reminder job is reopened so that
 * a `/meeting restore` schedules it again.
 */
export function reminderWithdrawJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { groupId, startsAt } = parsePayload<Payload>(job);
    const group = services.groups.byId(groupId);
    const occurrence = await services.occurrences.find(groupId, startsAt);
    if (!group || occurrence?.status !== 'cancelled') {
      log.info('nothing withdrawn: the meeting is not cancelled (any more)');
      return;
    }
    for (const r of await services.reminderDeliveries.scheduledAfter(
      reminderKeyPrefix(groupId, startsAt),
      now,
    )) {
      try {
        await services.slack.chat.deleteScheduledMessage({
          channel: group.channelId,
          scheduled_message_id: r.scheduledMessageId,
        });
      } catch (error) {
        // Already posted or already deleted: either way nothing is pending any more.
        if (!slackAnswered(error)) throw error;
        log.warn({ err: error, reminder: r.key }, 'the scheduled reminder could not be deleted');
      }
      await services.reminderDeliveries.forget(r.key);
      await services.queue.reopenDone(r.key, now);
      log.info({ reminder: r.key }, 'scheduled reminder withdrawn');
    }
  };
}
