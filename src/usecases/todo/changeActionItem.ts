import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { ActionItem, ActionItemStatus } from '../../core/model/actionItem.js';
import { escapeMrkdwn, mentionUser } from '../../core/mrkdwn.js';
import type { JobSpec } from '../../core/ports/jobQueue.js';
import { zonedDate } from '../../core/slackDate.js';
import { mayChangeActionItem } from '../../core/todo/actionItemOwners.js';
import { snoozedDue } from '../../core/todo/dueReminder.js';
import { ownerMentions } from '../../core/todo/itemMessage.js';
import { githubIssueStateJobSpec, todoDueJobSpec, todoMessageJobSpec } from '../../core/todo/todoJobs.js';
import type { TodoDeps } from './todoDeps.js';

/** Who changes which item: the group is the item's, the user the one who asked. */
export interface ItemChange {
  readonly group: ResolvedGroup;
  readonly user: SlackUserId;
  readonly item: ActionItem;
}

function mustBeAllowed({ group, user, item }: ItemChange, verb: string): void {
  if (mayChangeActionItem(group, user, item)) return;
  throw new GavelError(
    'not_allowed',
    `Only an owner of #${item.number} (${ownerMentions(item.owners)}), its author (${mentionUser(item.authorId)}) or a lead can ${verb}.`,
  );
}

export type StatusDeps = Pick<TodoDeps, 'actionItems' | 'queue' | 'clock' | 'github'>;

/**
 * Marks an item done or open again, then lets the durable jobs follow: its channel message
 * is redrawn and its GitHub issue closed or reopened. `text` is the sentence for the channel,
 * or undefined when the item already had that status.
 */
export async function setActionItemStatus(
  deps: StatusDeps,
  change: ItemChange,
  status: ActionItemStatus,
): Promise<{ item: ActionItem; text: string | undefined }> {
  mustBeAllowed(change, status === 'done' ? 'mark it done' : 'reopen it');
  const { group, user, item } = change;
  const now = deps.clock.now();
  const { item: updated, changed } = await deps.actionItems.setStatus(item.id, status, now);
  if (!changed) return { item: updated, text: undefined };
  const jobs: JobSpec[] = [todoMessageJobSpec(updated, now)];
  if (group.github && deps.github) jobs.push(githubIssueStateJobSpec(updated, now, user));
  await deps.queue.enqueue(jobs, now);
  const verb = status === 'done' ? 'marked action item' : 'reopened action item';
  const suffix = status === 'done' ? ' done' : '';
  return {
    item: updated,
    text: `${mentionUser(user)} ${verb} #${updated.number}${suffix}: ${escapeMrkdwn(updated.text)}`,
  };
}

export type EditDeps = Pick<TodoDeps, 'actionItems' | 'queue' | 'clock'>;

/** Changes what an item says; its channel message follows. Returns the sentence for the channel. */
export async function editActionItem(deps: EditDeps, change: ItemChange, text: string): Promise<string> {
  mustBeAllowed(change, 'edit it');
  const now = deps.clock.now();
  const updated = await deps.actionItems.editText(change.item.id, text, now);
  await deps.queue.enqueue([todoMessageJobSpec(updated, now)], now);
  return `${mentionUser(change.user)} edited action item #${updated.number}: ${escapeMrkdwn(updated.text)}`;
}

export type SnoozeResult =
  | { readonly kind: 'already-done' }
  | { readonly kind: 'snoozed'; readonly due: LocalDate; readonly today: LocalDate };

/**
 * "Snooze a week": the due date moves a week on (from today when overdue), the channel
 * message is redrawn and a new due-date DM planned.
 */
export async function snoozeActionItem(deps: EditDeps, change: ItemChange): Promise<SnoozeResult> {
  mustBeAllowed(change, 'snooze it');
  const { group, item } = change;
  if (item.status !== 'open') return { kind: 'already-done' };
  const now = deps.clock.now();
  const today = zonedDate(now, group.timeZone);
  const due = snoozedDue(item.dueDate, today);
  const updated = await deps.actionItems.setDueDate(item.id, due, now);
  await deps.queue.enqueue([todoMessageJobSpec(updated, now), todoDueJobSpec(item.id, due)], now);
  return { kind: 'snoozed', due, today };
}
