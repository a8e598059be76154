import type { ResolvedGroup } from '../core/groupDirectory.js';
import { reminderGroupPrefix, reminderKeyPrefix } from '../core/reminder/reminderPlan.js';
import { meetingGoesAhead, meetingsToWithdraw } from '../core/reminder/withdrawals.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { isSlackCallError } from '../core/ports/slackWorkspace.js';
import { type JobHandler, parsePayload } from './jobHandler.js';
import type { GroupId } from '../core/ids.js';

export const REMINDER_WITHDRAW_JOB = 'reminder-withdraw';

interface Payload {
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
  payload: { groupId, startsAt, ...(channelId === undefined ? {} : { channelId }) } satisfies Payload,
  runAt: now,
});

/**
 * A meeting that stopped going ahead after its reminder was handed to Slack (the two minutes
 * before the reminder's time): cancelled with `/meeting cancel` or by the groups file, moved
 * or dropped from the file, or its whole group removed. The pending message is deleted, and
 * its reminder job is reopened so that a restored meeting gets it scheduled again.
 */
export function reminderWithdrawJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { groupId, startsAt, channelId } = parsePayload<Payload>(job);
    const group = services.groups.byId(groupId);
    if (await meetingStillGoesAhead(services, groupId, startsAt)) {
      log.info('nothing withdrawn: the meeting goes ahead (again)');
      return;
    }
    // Where Slack holds each reminder, as recorded when it was handed over; older records
    // fall back to where the group was when the withdrawal was decided, then to where it is.
    const fallback = channelId ?? group?.channelId;
    for (const r of await services.reminderDeliveries.scheduledAfter(
      reminderKeyPrefix(groupId, startsAt),
      now,
    )) {
      const channel = r.channelId ?? fallback;
      if (channel === undefined) {
        log.warn({ reminder: r.key }, 'nothing withdrawn: the group is gone and its channel unknown');
        continue;
      }
      try {
        await services.workspace.deleteScheduled(channel, r.scheduledMessageId);
      } catch (error) {
        // Already posted or already deleted: either way nothing is pending any more.
        if (!(isSlackCallError(error) && error.answered)) throw error;
        log.warn({ err: error, reminder: r.key }, 'the scheduled reminder could not be deleted');
      }
      await services.reminderDeliveries.forget(r.key);
      await services.queue.reopenDone(r.key, now);
      log.info({ reminder: r.key }, 'scheduled reminder withdrawn');
    }
  };
}

/** Whether the meeting still goes ahead as things stand now: its group configured, it scheduled. */
export async function meetingStillGoesAhead(
  services: Services,
  groupId: GroupId,
  startsAt: string,
): Promise<boolean> {
  const occurrence = await services.occurrences.find(groupId, startsAt);
  return meetingGoesAhead({
    groupConfigured: services.groups.byId(groupId) !== undefined,
    status: occurrence?.status ?? 'missing',
  });
}

/**
 * Enqueues a withdrawal for each meeting of the group whose reminder Slack holds but which is
 * not in `goingAhead` (start instants): how a change to the groups file reaches a reminder
 * already handed over, which cancelling pending jobs cannot. Returns how many were enqueued.
 */
export async function withdrawHandedOver(
  services: Services,
  group: ResolvedGroup,
  goingAhead: ReadonlySet<string>,
  now: Date,
): Promise<number> {
  const handedOver = await services.reminderDeliveries.scheduledAfter(reminderGroupPrefix(group.id), now);
  const meetings = meetingsToWithdraw(
    group.id,
    handedOver.map((r) => r.key),
    goingAhead,
  );
  if (meetings.length === 0) return 0;
  await services.queue.enqueue(
    meetings.map((startsAt) => reminderWithdrawJobSpec(group.id, startsAt, now, group.channelId)),
    now,
  );
  return meetings.length;
}
