import type { ChannelId, GroupId, LocalDate, SlackUserId } from '../ids.js';
import type { ActionItem, ActionItemId, ActionItemStatus } from '../model/actionItem.js';

export interface NewActionItem {
  readonly groupId: GroupId;
  /** The meeting it came out of (an occurrence's starts_at), if any. */
  readonly meetingStartsAt: string | null;
  readonly text: string;
  /** Slack user ids, at least one. */
  readonly owners: readonly SlackUserId[];
  readonly authorId: SlackUserId;
  /** YYYY-MM-DD in the group's zone. */
  readonly dueDate: LocalDate | null;
  /** Where the item is announced. */
  readonly channelId: ChannelId;
  /** The message it was made from (message shortcut). */
  readonly sourcePermalink: string | null;
}

export interface ActionItemFilter {
  readonly status: ActionItemStatus | 'any';
  /** Only items this Slack user owns. */
  readonly owner?: SlackUserId;
  readonly limit?: number;
}

/**
 * Action items, numbered 1, 2, 3 … per group. Creating one takes the next free number
 * atomically: concurrent callers, on one process or many, never get the same number.
 */
export interface ActionItemRepository {
  /** Open items due on or before `date` (YYYY-MM-DD), oldest due first. */
  openDueBy(groupId: GroupId, date: LocalDate): Promise<ActionItem[]>;
  create(item: NewActionItem, now: Date): Promise<ActionItem>;
  byId(id: ActionItemId): Promise<ActionItem | undefined>;
  byNumber(groupId: GroupId, number: number): Promise<ActionItem | undefined>;
  /** The group's items matching `filter`, by number (newest done first for done items). */
  list(groupId: GroupId, filter: ActionItemFilter): Promise<ActionItem[]>;
  /** The groups with an open item created at or after `since` (ISO UTC). */
  groupsWithOpenSince(since: string): Promise<Set<string>>;
  /** Sets the status (doneAt with it); `changed` is false when it already had that status. */
  setStatus(
    id: ActionItemId,
    status: ActionItemStatus,
    now: Date,
  ): Promise<{ readonly item: ActionItem; readonly changed: boolean }>;
  editText(id: ActionItemId, text: string, now: Date): Promise<ActionItem>;
  /** Moves the due date (`YYYY-MM-DD`; "Snooze a week"). */
  setDueDate(id: ActionItemId, dueDate: LocalDate, now: Date): Promise<ActionItem>;
  /** The bot's announcement of the item: the thread root for follow-ups. */
  setMessage(id: ActionItemId, messageTs: string, now: Date): Promise<ActionItem>;
  setSourcePermalink(id: ActionItemId, permalink: string, now: Date): Promise<ActionItem>;
  setGithubIssue(id: ActionItemId, issueNumber: number, url: string, now: Date): Promise<ActionItem>;
  /** The item of one of these groups that is followed up as issue `issueNumber`. */
  byGithubIssue(groupIds: readonly GroupId[], issueNumber: number): Promise<ActionItem | undefined>;
}
