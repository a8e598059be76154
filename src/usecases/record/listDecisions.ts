import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { IssueReference } from '../../core/model/meetingRecord.js';
import type { RecordDeps } from './recordDeps.js';

/** At most this many decisions in one reply: enough to find one, small enough for a message. */
export const DECISION_LIST_LIMIT = 20;

export interface ListedDecision {
  readonly number: number;
  readonly text: string;
  readonly meetingLabel: string;
  readonly reference: IssueReference | null;
}

/** `/decision list [words]`: the group's decisions containing every word, newest first. */
export async function listDecisions(
  deps: Pick<RecordDeps, 'records'>,
  input: { readonly group: ResolvedGroup; readonly words: readonly string[] },
): Promise<ListedDecision[]> {
  const { group } = input;
  const found = await deps.records.searchDecisions(group.id, input.words, DECISION_LIST_LIMIT);
  return found.map((d) => ({
    number: d.number,
    text: d.text,
    meetingLabel: meetingLabel(d.meetingStartsAt, group.timeZone),
    reference: d.reference,
  }));
}
