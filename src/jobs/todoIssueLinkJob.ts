import { todayIn } from '../core/todo/localDates.js';
import { itemMessage } from '../core/todo/itemMessage.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';
import type { ActionItemId } from '../core/model/actionItem.js';

export const TODO_ISSUE_LINK_JOB = 'todo-issue-link';

interface Payload {
  readonly itemId: ActionItemId;
}

export const todoIssueLinkJobSpec = (itemId: ActionItemId, now: Date): JobSpec => ({
  key: `${TODO_ISSUE_LINK_JOB}:${itemId}`,
  kind: TODO_ISSUE_LINK_JOB,
  payload: { itemId } satisfies Payload,
  runAt: now,
});

/**
 * Tells the channel where an item is followed up: the item's message gets the link (an
 * update, safe to repeat) and its thread a reply with it. Enqueued once per item by key.
 */
export function todoIssueLinkJob(services: Services): JobHandler {
  return async (job) => {
    const { itemId } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    if (!item?.githubIssue?.url || !group) return;
    if (item.messageTs) {
      const message = itemMessage(item, todayIn(services.clock.now(), group.timeZone));
      await services.slack.chat.update({
        channel: item.channelId,
        ts: item.messageTs,
        text: message.text,
        blocks: message.blocks,
      });
    }
    const repo = group.github ? `${group.github.owner}/${group.github.repo}` : 'GitHub';
    await services.slack.chat.postMessage({
      channel: item.channelId,
      ...(item.messageTs ? { thread_ts: item.messageTs } : {}),
      text: `Action item #${item.number} is followed up in <${item.githubIssue.url}|${repo}#${item.githubIssue.number}>.`,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
