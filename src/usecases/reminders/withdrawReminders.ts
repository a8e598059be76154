import type { Log } from '../../core/ports/log.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import { isSlackCallError, type SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { reminderKeyPrefix } from '../../core/reminder/reminderPlan.js';
import type { ReminderWithdrawPayload } from '../../core/reminder/reminderWithdrawJob.js';
import { type MeetingStatusDeps, meetingStillGoesAhead } from './meetingStillGoesAhead.js';

export interface WithdrawRemindersDeps extends MeetingStatusDeps {
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'scheduledAfter' | 'forget'>;
  readonly queue: Pick<JobQueue, 'reopenDone'>;
  readonly workspace: Pick<SlackWorkspace, 'deleteScheduled'>;
}

/**
 * A meeting that stopped going ahead after its reminder was handed to Slack (the two minutes
 * before the reminder's time): cancelled with `/meeting cancel` or by the groups file, moved
 * or dropped from the file, or its whole group removed. The pending message is deleted, and
 * its reminder job is reopened so that a restored meeting gets it scheduled again.
 */
export async function withdrawReminders(
  deps: WithdrawRemindersDeps,
  { groupId, startsAt, channelId }: ReminderWithdrawPayload,
  now: Date,
  log: Log,
): Promise<void> {
  if (await meetingStillGoesAhead(deps, groupId, startsAt)) {
    log.info('nothing withdrawn: the meeting goes ahead (again)');
    return;
  }
  // Where Slack holds each reminder, as recorded when it was handed over; older records
  // fall back to where the group was when the withdrawal was decided, then to where it is.
  const fallback = channelId ?? deps.groups.byId(groupId)?.channelId;
  for (const r of await deps.reminderDeliveries.scheduledAfter(reminderKeyPrefix(groupId, startsAt), now)) {
    const channel = r.channelId ?? fallback;
    if (channel === undefined) {
      log.warn({ reminder: r.key }, 'nothing withdrawn: the group is gone and its channel unknown');
      continue;
    }
    try {
      await deps.workspace.deleteScheduled(channel, r.scheduledMessageId);
    } catch (error) {
      // Already posted or already deleted: either way nothing is pending any more.
      if (!(isSlackCallError(error) && error.answered)) throw error;
      log.warn({ err: error, reminder: r.key }, 'the scheduled reminder could not be deleted');
    }
    await deps.reminderDeliveries.forget(r.key);
    await deps.queue.reopenDone(r.key, now);
    log.info({ reminder: r.key }, 'scheduled reminder withdrawn');
  }
}
