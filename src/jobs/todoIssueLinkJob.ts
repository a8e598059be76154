import { todayIn } from '../core/todo/localDates.js';
import { itemMessage } from '../core/todo/itemMessage.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export const TODO_ISSUE_LINK_JOB = 'todo-issue-link';

interface Payload {
  readonly itemId: number;
}

export const todoIssueLinkJobSpec = (itemId: number, now: Date): JobSpec => ({
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
    const group = item ? services.groups.byId(item.group_id) : undefined;
    if (!item?.github_issue_url || !group) return;
    if (item.message_ts) {
      const message = itemMessage(item, todayIn(services.clock.now(), group.timeZone));
      await services.slack.chat.update({
        channel: item.channel_id,
        ts: item.message_ts,
        text: message.text,
        blocks: message.blocks,
      });
    }
    const repo = group.github ? `${group.github.owner}/${group.github.repo}` : 'GitHub';
    await services.slack.chat.postMessage({
      channel: item.channel_id,
      ...(item.message_ts ? { thread_ts: item.message_ts } : {}),
      text: `Action item #${item.number} is followed up in <${item.github_issue_url}|${repo}#${item.github_issue_number ?? ''}>.`,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
