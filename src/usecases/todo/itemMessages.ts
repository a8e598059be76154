import type { ActionItem, ActionItemId } from '../../core/model/actionItem.js';
import { zonedDate } from '../../core/slackDate.js';
import { itemMessage } from '../../core/todo/itemMessage.js';
import { actionItemById } from './findActionItem.js';
import type { TodoDeps } from './todoDeps.js';

type MessageDeps = Pick<TodoDeps, 'actionItems' | 'groups' | 'workspace' | 'clock'>;

/** Redraws an item's channel message as the item stands now (done, reopened, edited, linked). */
export async function redrawItemMessage(deps: MessageDeps, itemId: ActionItemId): Promise<void> {
  const found = await actionItemById(deps, itemId);
  if (found) await redraw(deps, found.item, found.group.timeZone);
}

async function redraw(deps: Pick<MessageDeps, 'workspace' | 'clock'>, item: ActionItem, timeZone: string) {
  if (!item.messageTs) return;
  const message = itemMessage(item, zonedDate(deps.clock.now(), timeZone));
  await deps.workspace.update(item.channelId, item.messageTs, message);
}

/**
 * Tells the channel where an item is followed up: the item's message gets the link (an
 * update, safe to repeat) and its thread a reply with it.
 */
export async function linkIssueMessage(deps: MessageDeps, itemId: ActionItemId): Promise<void> {
  const found = await actionItemById(deps, itemId);
  const issue = found?.item.githubIssue;
  if (!found || !issue?.url) return;
  const { item, group } = found;
  await redraw(deps, item, group.timeZone);
  const repo = group.github ? `${group.github.owner}/${group.github.repo}` : 'GitHub';
  await deps.workspace.post(item.channelId, {
    ...(item.messageTs ? { threadTs: item.messageTs } : {}),
    text: `Action item #${item.number} is followed up in <${issue.url}|${repo}#${issue.number}>.`,
    unfurl: false,
  });
}
