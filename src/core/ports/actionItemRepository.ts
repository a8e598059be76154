import type { ActionItem, ActionItemStatus } from '../../store/schema.js';

export interface NewActionItem {
  readonly groupId: string;
  /** The meeting it came out of (an occurrence's starts_at), if any. */
  readonly meetingStartsAt: string | null;
  readonly text: string;
  /** Slack user ids, at least one. */
  readonly owners: readonly string[];
  readonly authorId: string;
  /** YYYY-MM-DD in the group's zone. */
  readonly dueDate: string | null;
  /** Where the item is announced. */
  readonly channelId: string;
  /** The message it was made from (message shortcut). */
  readonly sourcePermalink: string | null;
}

export interface ActionItemFilter {
  readonly status: ActionItemStatus | 'any';
  /** Only items this Slack user owns. */
  readonly owner?: string;
  readonly limit?: number;
}

/**
 * Action items, numbered 1, 2, 3 … per group. Creating one takes the next free number
 * atomically: concurrent callers, on one process or many, never get the same number.
 */
export interface ActionItemRepository {
  /** Open items due on or before `date` (YYYY-MM-DD), oldest due first. */
  openDueBy(groupId: string, date: string): Promise<ActionItem[]>;
  create(item: NewActionItem, now: Date): Promise<ActionItem>;
  byId(id: number): Promise<ActionItem | undefined>;
  byNumber(groupId: string, number: number): Promise<ActionItem | undefined>;
  /** The group's items matching `filter`, by number (newest done first for done items). */
  list(groupId: string, filter: ActionItemFilter): Promise<ActionItem[]>;
  /** Sets the status (done_at with it); `changed` is false when it already had that status. */
  setStatus(
    id: number,
    status: ActionItemStatus,
    now: Date,
  ): Promise<{ readonly item: ActionItem; readonly changed: boolean }>;
  editText(id: number, text: string, now: Date): Promise<ActionItem>;
  /** Moves the due date (`YYYY-MM-DD`; "Snooze a week"). */
  setDueDate(id: number, dueDate: string, now: Date): Promise<ActionItem>;
  /** The bot's announcement of the item: the thread root for follow-ups. */
  setMessage(id: number, messageTs: string, now: Date): Promise<ActionItem>;
  setSourcePermalink(id: number, permalink: string, now: Date): Promise<ActionItem>;
  setGithubIssue(id: number, issueNumber: number, url: string, now: Date): Promise<ActionItem>;
  /** The item of one of these groups that is followed up as issue `issueNumber`. */
  byGithubIssue(groupIds: readonly string[], issueNumber: number): Promise<ActionItem | undefined>;
}
