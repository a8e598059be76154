import { slackUserId } from '../core/ids.js';
import { dueDmMessage } from '../core/todo/dueReminder.js';
import { todayIn } from '../core/todo/localDates.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';
import type { ActionItemId } from '../core/model/actionItem.js';

export const TODO_DUE_DM_JOB = 'todo-due-dm';

interface Payload {
  readonly itemId: ActionItemId;
  readonly due: string;
  readonly owner: string;
}

/** One DM per item, due date and owner. */
export const todoDueDmJobSpec = (itemId: ActionItemId, due: string, owner: string, at: Date): JobSpec => ({
  key: `${TODO_DUE_DM_JOB}:${itemId}:${due}:${owner}`,
  kind: TODO_DUE_DM_JOB,
  payload: { itemId, due, owner } satisfies Payload,
  runAt: at,
});

/**
 * The owner's DM on the due date, with "Done" and "Snooze a week". Skipped when the item was
 * done, snoozed to another day or the person is no longer an owner since it was planned.
 */
export function todoDueDmJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { itemId, due, owner } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    if (
      !item ||
      !group ||
      item.status !== 'open' ||
      item.dueDate !== due ||
      !item.owners.includes(slackUserId(owner))
    ) {
      log.info({ itemId }, 'due-date DM skipped: the item changed since it was planned');
      return;
    }
    const message = dueDmMessage(item, group.name, todayIn(now, group.timeZone));
    // A user id as the channel: Slack delivers it in the bot's DM with that person.
    await services.slack.chat.postMessage({
      channel: owner,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
