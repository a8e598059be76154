import { todayIn } from '../core/todo/localDates.js';
import { itemMessage } from '../core/todo/itemMessage.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import type { ActionItem, ActionItemId } from '../core/model/actionItem.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export const TODO_MESSAGE_JOB = 'todo-message';

interface Payload {
  readonly itemId: ActionItemId;
}

/** One job per change of the item (its updated_at and status are in the key). */
export const todoMessageJobSpec = (item: ActionItem, now: Date): JobSpec => ({
  key: `${TODO_MESSAGE_JOB}:${item.id}:${item.updatedAt}:${item.status}`,
  kind: TODO_MESSAGE_JOB,
  payload: { itemId: item.id } satisfies Payload,
  runAt: now,
});

/** Redraws an item's channel message as the item stands now (done, reopened, edited). */
export function todoMessageJob(services: Services): JobHandler {
  return async (job) => {
    const { itemId } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    if (!item?.messageTs || !group) return;
    const message = itemMessage(item, todayIn(services.clock.now(), group.timeZone));
    await services.slack.chat.update({
      channel: item.channelId,
      ts: item.messageTs,
      text: message.text,
      blocks: message.blocks,
    });
  };
}
