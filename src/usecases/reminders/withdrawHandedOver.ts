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
  /** The group's reminder keys Slack holds, when the caller read them for every group at once. */
  handedOver?: readonly string[],
): Promise<number> {
  const keys =
    handedOver ??
    (await deps.reminderDeliveries.scheduledAfter(reminderGroupPrefix(group.id), now)).map((r) => r.key);
  const meetings = meetingsToWithdraw(group.id, keys, goingAhead);
  if (meetings.length === 0) return 0;
  await deps.queue.enqueue(
    meetings.map((startsAt) => reminderWithdrawJobSpec(group.id, startsAt, now, group.channelId)),
    now,
  );
  return meetings.length;
}
