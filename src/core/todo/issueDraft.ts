import { type ActionItem, type ActionItemId, actionItemId } from '../model/actionItem.js';
import { clipCharacters } from '../agenda/characters.js';
import type { LocalDate } from '../ids.js';
import { githubText, githubTitle } from './githubText.js';
import type { NewIssue } from '../ports/issueTracker.js';
import { dueLabel } from './localDates.js';

/** GitHub allows 256; a title past a line is unreadable in lists anyway. */
export const ISSUE_TITLE_MAX = 120;

/**
 * The hidden mark that ties an issue to its item. A retry after a lost response searches for
 * it before creating again; the webhook reads it back.
 */
export const itemMarker = (itemId: number): string => `<!-- gavel:item:${itemId} -->`;

/** The item id a body's marker names. User text never forms one: githubText escapes `<`. */
export function markedItemId(body: string | null | undefined): ActionItemId | undefined {
  const m = /<!-- gavel:item:(\d+) -->/.exec(body ?? '');
  const id = m ? Number(m[1]) : undefined;
  // Item ids are 32-bit integers in the database; a larger "id" names no item.
  return id !== undefined && id <= 2 ** 31 - 1 ? actionItemId(id) : undefined;
}

export interface IssueOwner {
  readonly name: string;
  /** From the group's Slack → GitHub map; undefined: named in the body, not assigned. */
  readonly login: string | undefined;
}

export interface IssueDraftInput {
  readonly item: ActionItem;
  readonly groupName: string;
  readonly channelLabel: string;
  readonly owners: readonly IssueOwner[];
  readonly authorName: string;
  readonly meeting: { readonly title: string; readonly label: string } | undefined;
  readonly minutesUrl: string | null | undefined;
  /** The item's announcement in Slack. */
  readonly permalink: string | null | undefined;
  /** The message the item was made from (message shortcut). */
  readonly sourcePermalink: string | null | undefined;
  readonly labels: readonly string[];
  readonly today: LocalDate;
  /** Logins GitHub refused as assignees: still named in the body, no longer assigned. */
  readonly unassignable?: readonly string[];
}

/** The issue for an item: its text as the title, who/when/where in the body, the marker. Pure. */
export function issueDraft(input: IssueDraftInput): NewIssue {
  const { item } = input;
  const refused = new Set(input.unassignable ?? []);
  const assignees = [
    ...new Set(input.owners.flatMap((o) => (o.login && !refused.has(o.login) ? [o.login] : []))),
  ];
  const owner = (o: IssueOwner) =>
    o.login === undefined
      ? `${githubText(o.name)} (on Slack; no GitHub login on file)`
      : refused.has(o.login)
        ? `@${o.login} (could not be assigned)`
        : `@${o.login}`;
  const facts = [
    `**Owners:** ${input.owners.map(owner).join(', ')}`,
    ...(item.dueDate ? [`**Due:** ${dueLabel(item.dueDate, input.today)} (${item.dueDate})`] : []),
    `**Recorded by:** ${githubText(input.authorName)} in ${githubText(input.channelLabel)} (${githubText(input.groupName)})`,
    ...(input.meeting ? [`**Meeting:** ${githubText(input.meeting.title)}, ${input.meeting.label}`] : []),
    ...(input.permalink ? [`**Slack:** [action item #${item.number}](${input.permalink})`] : []),
    ...(input.sourcePermalink ? [`**From:** [this Slack message](${input.sourcePermalink})`] : []),
    ...(input.minutesUrl ? [`**Minutes:** [meeting notes](${input.minutesUrl})`] : []),
  ];
  const body = [
    githubText(item.text),
    '',
    '---',
    ...facts.map((f) => `- ${f}`),
    '',
    itemMarker(item.id),
  ].join('\n');
  return {
    title: clipCharacters(githubTitle(item.text), ISSUE_TITLE_MAX),
    body,
    labels: [...input.labels],
    assignees,
  };
}
