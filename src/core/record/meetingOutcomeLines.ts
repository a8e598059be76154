import type { LocalDate, SlackUserId } from '../ids.js';
import type { AgendaItem } from '../model/agendaItem.js';
import type { IssueReference } from '../model/meetingRecord.js';

/**
 * The lines of what a meeting came to, as the wrap-up, the published file and the minutes show
 * them: one shape for each, whoever draws it.
 */
export interface AttendeeLine {
  readonly userId: SlackUserId;
  readonly name: string;
  readonly organization: string | undefined;
}

export interface DecisionLine {
  readonly number: number;
  readonly text: string;
  readonly reference: IssueReference | null;
}

/** An action item with its owners: Slack ids where Slack draws them, names in a file. */
export interface ActionItemLine<Owner = SlackUserId> {
  readonly number: number;
  readonly text: string;
  readonly owners: readonly Owner[];
  readonly dueDate: LocalDate | null;
  readonly issueUrl: string | null;
}

export interface AgendaLine {
  readonly number: number;
  readonly topic: string;
  /** Its labelled issue or pull request, for an item from GitHub: the title is then plain text. */
  readonly github?: AgendaItem['github'] | undefined;
}
