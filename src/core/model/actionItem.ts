import type { Brand, ChannelId, GroupId, LocalDate, SlackUserId } from '../ids.js';

export type ActionItemId = Brand<number, 'ActionItemId'>;
export type ActionItemStatus = 'open' | 'done';

/** The GitHub issue an item is followed up as: both halves exist, or neither does. */
export interface IssueRef {
  readonly number: number;
  readonly url: string;
}

/** What someone agreed to do, numbered 1, 2, 3 … per group (what `/todo done <n>` names). */
export interface ActionItem {
  readonly id: ActionItemId;
  readonly groupId: GroupId;
  readonly number: number;
  /** The meeting it came out of (its occurrence's `startsAt`), if any. */
  readonly meetingStartsAt: string | null;
  readonly text: string;
  /** At least one. */
  readonly owners: readonly SlackUserId[];
  readonly authorId: SlackUserId;
  /** In the group's zone. */
  readonly dueDate: LocalDate | null;
  readonly status: ActionItemStatus;
  /** Where it is announced. */
  readonly channelId: ChannelId;
  /** The bot's message announcing it: the thread root for follow-ups. */
  readonly messageTs: string | null;
  /** The message it was made from (message shortcut). */
  readonly sourcePermalink: string | null;
  readonly githubIssue: IssueRef | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly doneAt: string | null;
}

/** An id read back from a job payload or a button this app made. */
export const actionItemId = (n: number) => n as ActionItemId;
