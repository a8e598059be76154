import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import { escapeMrkdwn, mentionUser } from '../../core/mrkdwn.js';
import { mayChangeActionItem } from '../../core/todo/actionItemOwners.js';
import { ownerMentions } from '../../core/todo/itemMessage.js';
import type { JobSpec } from '../../core/ports/jobQueue.js';
import { githubIssueStateJobSpec } from '../../jobs/githubIssueStateJob.js';
import { todoMessageJobSpec } from '../../jobs/todoMessageJob.js';
import type { Services } from '../../services.js';
import type { ActionItem, ActionItemStatus } from '../../core/model/actionItem.js';

/** Item n of the group, or a GavelError that points at the list. */
export async function findActionItem(
  services: Services,
  group: ResolvedGroup,
  number: number,
): Promise<ActionItem> {
  const item = await services.actionItems.byNumber(group.id, number);
  if (!item) {
    throw new GavelError(
      'not_found',
      `There is no action item #${number} in this group. See \`/todo list all\`.`,
    );
  }
  return item;
}

export function mustBeAllowed(group: ResolvedGroup, user: SlackUserId, item: ActionItem, verb: string): void {
  if (mayChangeActionItem(group, user, item)) return;
  throw new GavelError(
    'not_allowed',
    `Only an owner of #${item.number} (${ownerMentions(item.owners)}), its author (${mentionUser(item.authorId)}) or a lead can ${verb} it.`,
  );
}

/**
 * Marks an item done or open again, then lets the durable jobs follow: its channel message
 * is redrawn and its GitHub issue closed or reopened. Returns the sentence for the channel,
 * or undefined when the item already had that status.
 */
export async function setActionItemStatus(
  services: Services,
  group: ResolvedGroup,
  user: SlackUserId,
  item: ActionItem,
  status: ActionItemStatus,
): Promise<{ item: ActionItem; text: string | undefined }> {
  mustBeAllowed(group, user, item, status === 'done' ? 'mark done' : 'reopen');
  const now = services.clock.now();
  const { item: updated, changed } = await services.actionItems.setStatus(item.id, status, now);
  if (!changed) return { item: updated, text: undefined };
  const jobs: JobSpec[] = [todoMessageJobSpec(updated, now)];
  if (group.github && services.github) jobs.push(githubIssueStateJobSpec(updated, now, user));
  await services.queue.enqueue(jobs, now);
  const verb = status === 'done' ? 'marked action item' : 'reopened action item';
  const suffix = status === 'done' ? ' done' : '';
  return {
    item: updated,
    text: `${mentionUser(user)} ${verb} #${updated.number}${suffix}: ${escapeMrkdwn(updated.text)}`,
  };
}

/** Changes what an item says; its channel message follows. */
export async function editActionItem(
  services: Services,
  group: ResolvedGroup,
  user: SlackUserId,
  item: ActionItem,
  text: string,
): Promise<string> {
  mustBeAllowed(group, user, item, 'edit');
  const now = services.clock.now();
  const updated = await services.actionItems.editText(item.id, text, now);
  await services.queue.enqueue([todoMessageJobSpec(updated, now)], now);
  return `${mentionUser(user)} edited action item #${updated.number}: ${escapeMrkdwn(updated.text)}`;
}
