import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import { todayIn } from '../../core/todo/localDates.js';
import { itemMessage } from '../../core/todo/itemMessage.js';
import { actionItemFollowUps } from '../../jobs/actionItemFollowUps.js';
import type { Services } from '../../services.js';
import type { ActionItem } from '../../core/model/actionItem.js';

export interface ActionItemDraft {
  readonly group: ResolvedGroup;
  readonly owners: readonly SlackUserId[];
  readonly text: string;
  readonly due: LocalDate | undefined;
  readonly authorId: SlackUserId;
  readonly meetingStartsAt: string | undefined;
}

/**
 * Records an item (a local write, before the ack) and enqueues its durable follow-ups: its
 * GitHub issue (when the group has a repository), the owners' due-date DMs, and its line in
 * the meeting's minutes.
 */
export async function recordActionItem(services: Services, draft: ActionItemDraft): Promise<ActionItem> {
  const now = services.clock.now();
  const item = await services.actionItems.create(
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
  const jobs = actionItemFollowUps(services, draft.group, item, now);
  // Saved and enqueued in two writes: if the process dies between them, the planner's
  // healActionItemFollowUps enqueues the missing jobs at the next start or hourly run.
  if (jobs.length > 0) await services.queue.enqueue(jobs, now);
  return item;
}

/**
 * Posts the item's message in the channel (after the ack) and keeps its ts: the thread
 * where the GitHub link is replied, the message "Mark done" updates.
 */
export async function announceActionItem(
  services: Services,
  item: ActionItem,
  timeZone: string,
): Promise<ActionItem> {
  const now = services.clock.now();
  const message = itemMessage(item, todayIn(now, timeZone));
  const posted = await services.slack.chat.postMessage({
    channel: item.channelId,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  if (!posted.ts) return item;
  return services.actionItems.setMessage(item.id, posted.ts, services.clock.now());
}
