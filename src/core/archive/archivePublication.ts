import type { ArchiveSettings } from '../group.js';
import type { LocalDate } from '../ids.js';
import { longDateOf } from '../record/longDate.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { inlineText } from './markdownSafety.js';

/**
 * The names and words of one publication: its branch, its commit, its pull request, and what
 * gavel says in Slack about it. Pure; the branch name is the publication's natural key, what
 * gavel looks for before it opens anything.
 */

export interface PublishedMeeting {
  readonly groupId: string;
  readonly groupName: string;
  readonly title: string;
  readonly startsAt: string;
  readonly timeZone: string;
  readonly localDate: LocalDate;
  /** The meeting rule's id, when the file path names it (a group meeting twice a day). */
  readonly meetingId: string | undefined;
}

/** `gavel/serverless/2026-11-26`, or `…-update-2` for the second update after a merge. */
export function publicationBranch(m: PublishedMeeting, update = 0): string {
  const meeting = m.meetingId ? `-${m.meetingId}` : '';
  return `gavel/${m.groupId}/${m.localDate}${meeting}${update > 0 ? `-update-${update}` : ''}`;
}

/** How many update branches gavel tries after a merge before it gives up (a lead merges each). */
export const MAX_UPDATES = 20;

const label = (m: PublishedMeeting): string =>
  `${m.groupName} ${m.title} of ${longDateOf(m.startsAt, m.timeZone)}`;

export const publicationTitle = (m: PublishedMeeting, update: boolean): string =>
  inlineText(`${update ? 'Minutes update' : 'Minutes'}: ${label(m)}`);

export const publicationCommitMessage = (m: PublishedMeeting): string =>
  `${publicationTitle(m, false)}\n\nPublished by gavel from the meeting's minutes doc and record.`;

export interface PublicationContents {
  readonly meetingPath: string;
  readonly decisionsPath: string;
  readonly attendees: number;
  readonly decisions: number;
  readonly actionItems: number;
  readonly indexedDecisions: number;
  readonly minutes: 'markdown' | 'absent' | 'unreadable';
  readonly minutesUrl: string | null;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The pull request's body: what it holds, in gavel's words only (nothing a user typed). */
export function publicationBody(m: PublishedMeeting, c: PublicationContents): string {
  const minutes =
    c.minutes === 'markdown'
      ? 'the minutes doc as Markdown'
      : c.minutes === 'unreadable'
        ? 'a note that the minutes doc could not be read'
        : 'no minutes doc (the group keeps none)';
  return [
    `Minutes of the ${inlineText(label(m))}, published by gavel.`,
    '',
    'This pull request holds:',
    `- \`${c.meetingPath}\`: ${minutes}, then the record kept in Slack: ${count(c.attendees, 'attendee', 'attendees')}, ${count(c.decisions, 'decision', 'decisions')}, ${count(c.actionItems, 'action item', 'action items')}, the agenda covered and rolled over.`,
    `- \`${c.decisionsPath}\`: the decisions index, rebuilt (${count(c.indexedDecisions, 'decision', 'decisions')}).`,
    '',
    ...(c.minutesUrl ? [`The minutes doc stays where it is: ${c.minutesUrl}`, ''] : []),
    'Edit the files here before merging if something needs fixing; publishing again updates this pull request.',
  ].join('\n');
}

/**
 * The thread's note about a publication: `first` announces the pull request to review (or the
 * commit made), once; a lead's later `/meeting publish` is answered with whether it `changed`
 * anything.
 */
export function publicationPost(
  m: PublishedMeeting,
  where:
    | { readonly kind: 'pull-request'; readonly url: string; readonly number: number }
    | { readonly kind: 'commit'; readonly fileUrl: string },
  news: 'first' | 'changed' | 'unchanged',
): string {
  const what = escapeMrkdwn(label(m));
  const link =
    where.kind === 'pull-request'
      ? `<${where.url}|pull request #${where.number}>`
      : `<${where.fileUrl}|the meeting’s file>`;
  if (news === 'unchanged') return `:books: The minutes of the ${what} have not changed since ${link}.`;
  if (where.kind === 'commit') {
    return news === 'first'
      ? `:books: The minutes of the ${what} are published: ${link}.`
      : `:books: The minutes of the ${what} are published again, with the latest changes: ${link}.`;
  }
  return news === 'first'
    ? `:books: The minutes of the ${what} are ready for review: ${link}. Merge it to publish them.`
    : `:books: ${link} now has the latest minutes of the ${what}.`;
}

/** The leads' DM when GitHub refused the publication: what failed, and what to fix. */
export function publicationRefusedDm(
  m: PublishedMeeting,
  archive: Pick<ArchiveSettings, 'owner' | 'repo' | 'mode'>,
  status: number,
  why: string,
): string {
  const repo = `${archive.owner}/${archive.repo}`;
  const fix =
    status === 404
      ? `Check that ${repo} exists and that gavel's GitHub token or App can see it.`
      : status === 403
        ? `Give gavel's GitHub token or App write access to contents and pull requests of ${repo}.`
        : archive.mode === 'commit'
          ? `The default branch of ${repo} may be protected: allow gavel to push to it, or set \`archive: { mode: pull-request }\` in the groups file.`
          : `Check the branch rules of ${repo} for \`gavel/*\` branches.`;
  return [
    `:warning: gavel could not publish the minutes of the ${escapeMrkdwn(label(m))} to ${repo}: GitHub answered ${status} (${escapeMrkdwn(why)}).`,
    fix,
    'Then publish them with `/meeting publish ' + m.localDate + '` in the group’s channel.',
  ].join('\n');
}
