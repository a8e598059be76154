import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { ActionItem } from '../../core/model/actionItem.js';
import { zonedDate } from '../../core/slackDate.js';
import { itemMessage } from '../../core/todo/itemMessage.js';
import { actionItemFollowUps } from '../../core/todo/todoJobs.js';
import { wrapUpUpdateJobSpec } from '../../core/record/recordJobs.js';
import { followUpsConfigured, type TodoDeps } from './todoDeps.js';

export interface ActionItemDraft {
  readonly group: ResolvedGroup;
  readonly owners: readonly SlackUserId[];
  readonly text: string;
  readonly due: LocalDate | undefined;
  readonly authorId: SlackUserId;
  readonly meetingStartsAt: string | undefined;
}

export type RecordDeps = Pick<TodoDeps, 'actionItems' | 'queue' | 'clock' | 'github' | 'minutes'>;

/**
 * Records an item (a local write, before the ack) and enqueues its durable follow-ups: its
 * GitHub issue (when the group has a repository), the owners' due-date DMs, and its line in
 * the meeting's minutes.
 */
export async function recordActionItem(deps: RecordDeps, draft: ActionItemDraft): Promise<ActionItem> {
  const now = deps.clock.now();
  const item = await deps.actionItems.create(
    {
      groupId: draft.group.id,
      meetingStartsAt: draft.meetingStartsAt ?? null,
      text: draft.text,
      owners: draft.owners,
      authorId: draft.authorId,
      dueDate: draft.due ?? null,
      channelId: draft.group.channelId,
      sourcePermalink: null,
    },
    now,
  );
  const jobs = actionItemFollowUps(followUpsConfigured(deps), draft.group, item, now);
  // An item of a meeting already wrapped up shows in its wrap-up (within a day; see updateWrapUp).
  if (item.meetingStartsAt)
    jobs.push(wrapUpUpdateJobSpec(item.groupId, item.meetingStartsAt, now, `item-${item.id}`));
  // Saved and enqueued in two writes: if the process dies between them, the planner's
  // healActionItemFollowUps enqueues the missing jobs at the next start or hourly run.
  if (jobs.length > 0) await deps.queue.enqueue(jobs, now);
  return item;
}

export type AnnounceDeps = Pick<TodoDeps, 'actionItems' | 'workspace' | 'clock'>;

/**
 * Posts the item's message in the channel (after the ack) and keeps its ts: the thread
 * where the GitHub link is replied, the message "Mark done" updates. An item made from a
 * message (the shortcut) first links back to it.
 */
export async function announceActionItem(
  deps: AnnounceDeps,
  item: ActionItem,
  timeZone: string,
  source?: { readonly channelId: string; readonly ts: string },
): Promise<ActionItem> {
  let announced = item;
  if (source) {
    const link = await deps.workspace.permalink(source.channelId, source.ts);
    if (link) announced = await deps.actionItems.setSourcePermalink(item.id, link, deps.clock.now());
  }
  const message = itemMessage(announced, zonedDate(deps.clock.now(), timeZone));
  const ts = await deps.workspace.post(announced.channelId, { ...message, unfurl: false });
  if (!ts) return announced;
  return deps.actionItems.setMessage(announced.id, ts, deps.clock.now());
}
