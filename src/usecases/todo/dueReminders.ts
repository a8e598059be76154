import { slackUserId } from '../../core/ids.js';
import type { LocalDate } from '../../core/ids.js';
import { zonedDate } from '../../core/slackDate.js';
import { dueDmMessage, dueMorning } from '../../core/todo/dueReminder.js';
import {
  type TodoDueDmJobPayload,
  type TodoDueJobPayload,
  todoDueDmJobSpec,
} from '../../core/todo/todoJobs.js';
import { actionItemById } from './findActionItem.js';
import type { TodoDeps } from './todoDeps.js';

/**
 * Plans each owner's due-date DM for the morning in their own Slack time zone (the group's
 * zone when Slack cannot say). Enqueueing is by key, so running this twice never makes a
 * second DM. Skipped when the item is done, gone or due on another day.
 */
export async function planDueDms(
  deps: Pick<TodoDeps, 'actionItems' | 'groups' | 'workspace' | 'queue'>,
  job: TodoDueJobPayload,
  now: Date,
): Promise<'planned' | 'skipped'> {
  const { itemId, due } = job;
  const found = await actionItemById(deps, itemId);
  if (!found || found.item.status !== 'open' || found.item.dueDate !== due) return 'skipped';
  const { item, group } = found;
  const specs = await Promise.all(
    item.owners.map(async (owner) => {
      const zone = (await deps.workspace.userTimeZone(owner)) ?? group.timeZone;
      const at = dueMorning(due as LocalDate, zone);
      return todoDueDmJobSpec(item.id, due, owner, at.getTime() > now.getTime() ? at : now);
    }),
  );
  await deps.queue.enqueue(specs, now);
  return 'planned';
}

/**
 * The owner's DM on the due date, with "Done" and "Snooze a week". Skipped when the item was
 * done, snoozed to another day or the person is no longer an owner since it was planned.
 */
export async function sendDueDm(
  deps: Pick<TodoDeps, 'actionItems' | 'groups' | 'workspace'>,
  job: TodoDueDmJobPayload,
  now: Date,
): Promise<'sent' | 'skipped'> {
  const { itemId, due, owner } = job;
  const found = await actionItemById(deps, itemId);
  const item = found?.item;
  if (
    !found ||
    !item ||
    item.status !== 'open' ||
    item.dueDate !== due ||
    !item.owners.includes(slackUserId(owner))
  ) {
    return 'skipped';
  }
  const message = dueDmMessage(item, found.group.name, zonedDate(now, found.group.timeZone));
  // A user id as the channel: Slack delivers it in the bot's DM with that person.
  await deps.workspace.post(owner, { ...message, unfurl: false });
  return 'sent';
}
