import type { Brand, GroupId, SlackUserId } from '../ids.js';

/**
 * The governance record of a meeting: who came, who was excused, what was decided, where the
 * recording is. Kept as long as the group exists (retention never prunes it). A meeting is
 * named, as everywhere, by its group and its occurrence's `startsAt`.
 */

export type DecisionId = Brand<number, 'DecisionId'>;
export const decisionId = (n: number) => n as DecisionId;

/** A person recorded as present at a meeting: by themselves (the button, `/meeting here`) or a lead. */
export interface Attendance {
  readonly groupId: GroupId;
  readonly meetingStartsAt: string;
  readonly userId: SlackUserId;
  readonly recordedBy: SlackUserId;
  readonly recordedAt: string;
}

/** A leave of absence for one meeting: it does not count against the person's voting rights. */
export interface Absence {
  readonly groupId: GroupId;
  readonly meetingStartsAt: string;
  readonly userId: SlackUserId;
  readonly recordedBy: SlackUserId;
  readonly recordedAt: string;
}

/** A GitHub issue or pull request, as a decision names it (`owner/repo#12` or its URL). */
export interface IssueReference {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

/** What a meeting decided, numbered 1, 2, 3 … per group (what `/decision list` shows). */
export interface Decision {
  readonly id: DecisionId;
  readonly groupId: GroupId;
  readonly meetingStartsAt: string;
  readonly number: number;
  readonly text: string;
  readonly authorId: SlackUserId;
  readonly reference: IssueReference | null;
  readonly createdAt: string;
}

/** The meeting's recording: one link, replaced when someone gives a better one. */
export interface Recording {
  readonly groupId: GroupId;
  readonly meetingStartsAt: string;
  readonly url: string;
  readonly recordedBy: SlackUserId;
  readonly recordedAt: string;
}
