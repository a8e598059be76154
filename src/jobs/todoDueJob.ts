import type { LocalDate } from '../core/ids.js';
import { dueMorning, earliestDueMorning } from '../core/todo/dueReminder.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';
import { todoDueDmJobSpec } from './todoDueDmJob.js';
import type { ActionItemId } from '../core/model/actionItem.js';

export const TODO_DUE_JOB = 'todo-due';

interface Payload {
  readonly itemId: ActionItemId;
  readonly due: string;
}

/**
 * One per item and due date (a snooze makes a new one). It runs at the earliest morning of
 * the due date anywhere on Earth, when no owner's own morning can have passed yet.
 */
export const todoDueJobSpec = (itemId: ActionItemId, due: LocalDate): JobSpec => ({
  key: `${TODO_DUE_JOB}:${itemId}:${due}`,
  kind: TODO_DUE_JOB,
  payload: { itemId, due } satisfies Payload,
  runAt: earliestDueMorning(due),
});

/**
 * Schedules each owner's due-date DM for the morning in their own Slack time zone
 * (users.info `tz`; the group's zone when Slack cannot say). Enqueueing is by key, so a
 * retry of this job never makes a second DM.
 */
export function todoDueJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { itemId, due } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    if (!item || !group || item.status !== 'open' || item.dueDate !== due) {
      log.info({ itemId }, 'no due-date DM: the item is done, gone or due on another day');
      return;
    }
    const specs = await Promise.all(
      item.owners.map(async (owner) => {
        const zone = (await userTimeZone(services, owner)) ?? group.timeZone;
        const at = dueMorning(due as LocalDate, zone);
        return todoDueDmJobSpec(item.id, due, owner, at.getTime() > now.getTime() ? at : now);
      }),
    );
    await services.queue.enqueue(specs, now);
  };
}

async function userTimeZone(services: Services, user: string): Promise<string | undefined> {
  try {
    const { user: info } = await services.slack.users.info({ user });
    return info?.tz || undefined;
  } catch {
    return undefined;
  }
}
