import type { IssueReference } from '../model/meetingRecord.js';
import { formatReference, referenceUrl } from '../record/issueReference.js';
import { longDateOf } from '../record/longDate.js';
import { inlineText } from './markdownSafety.js';

export interface IndexedDecision {
  readonly number: number;
  readonly text: string;
  readonly reference: IssueReference | null;
  readonly meetingStartsAt: string;
  readonly meetingTitle: string;
  /** The meeting's file, as a link relative to the index. */
  readonly meetingLink: string;
}

/**
 * The group's decisions index (DECISIONS.md by default), rebuilt whole from gavel's record in
 * every change that publishes a meeting: newest first, each with its date, its meeting's file
 * and the issue or pull request it decided. Pure and stable, like the meeting's file.
 */
export function decisionsIndex(input: {
  readonly groupName: string;
  readonly timeZone: string;
  readonly decisions: readonly IndexedDecision[];
}): string {
  const newestFirst = [...input.decisions].sort((a, b) => b.number - a.number);
  const lines = newestFirst.map((d) => {
    const ref = d.reference ? ` — [${formatReference(d.reference)}](${referenceUrl(d.reference)})` : '';
    const date = longDateOf(d.meetingStartsAt, input.timeZone);
    return `- **#${d.number}** ${inlineText(d.text)} (${date}, [${inlineText(d.meetingTitle)}](${d.meetingLink}))${ref}`;
  });
  return [
    `# Decisions of ${inlineText(input.groupName)}`,
    '',
    'What the group decided at its meetings, newest first, as recorded with `/decision` in Slack.',
    'This file is rebuilt by gavel each time a meeting is published: edits here are overwritten.',
    '',
    ...(lines.length > 0 ? lines : ['No decision has been recorded yet.']),
    '',
  ].join('\n');
}
