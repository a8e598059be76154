import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { ReminderDeliveries } from '../../core/ports/reminderDeliveries.js';
import { reminderGroupPrefix } from '../../core/reminder/reminderPlan.js';
import { reminderWithdrawJobSpec } from '../../core/reminder/reminderWithdrawJob.js';
import { meetingsToWithdraw } from '../../core/reminder/withdrawals.js';

export interface WithdrawHandedOverDeps {
  readonly reminderDeliveries: Pick<ReminderDeliveries, 'scheduledAfter'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
}

/**
 * Enqueues a withdrawal for each meeting of the group whose reminder Slack holds but which is
 * not in `goingAhead` (start instants): how a change to the groups file reaches a reminder
 * already handed over, which cancelling pending jobs cannot. Returns how many were enqueued.
 */
export async function withdrawHandedOver(
  deps: WithdrawHandedOverDeps,
  group: ResolvedGroup,
  goingAhead: ReadonlySet<string>,
  now: Date,
): Promise<number> {
  const handedOver = await deps.reminderDeliveries.scheduledAfter(reminderGroupPrefix(group.id), now);
  const meetings = meetingsToWithdraw(
    group.id,
    handedOver.map((r) => r.key),
    goingAhead,
  );
  if (meetings.length === 0) return 0;
  await deps.queue.enqueue(
    meetings.map((startsAt) => reminderWithdrawJobSpec(group.id, startsAt, now, group.channelId)),
    now,
  );
  return meetings.length;
}
