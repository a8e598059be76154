import type { AgendaItem } from '../model/agendaItem.js';
import { slackToPlain, type UserNames } from '../minutes/slackToPlain.js';
import { escapeLiteral, escapeMrkdwn, mentionUser } from '../mrkdwn.js';

/**
 * How an agenda item's topic and author read, wherever it is shown. A typed topic is Slack
 * text (a pasted link stays a link); a GitHub title is plain text someone else wrote: it is
 * the label of the link to its issue, escaped whole, so `<!channel>` or `<@U…>` in a title
 * reads as typed and never pings, and no link hides in it.
 */
export interface ShownItem {
  readonly topic: string;
  /** A Slack user id; null only for a GitHub item whose author maps to nobody in Slack. */
  readonly authorId: string | null;
  readonly github?: AgendaItem['github'] | undefined;
  /** Minutes the group means to give it; null or absent: no timebox. */
  readonly timeboxMinutes?: number | null | undefined;
}

const KIND_SHORT = { issue: 'issue', 'pull-request': 'PR' } as const;
const KIND_LONG = { issue: 'issue', 'pull-request': 'pull request' } as const;

/** The topic in Slack mrkdwn: `<https://github.com/…|Title> _(PR cncf/spec#12)_` for a GitHub item. */
export function topicMrkdwn(item: Pick<ShownItem, 'topic' | 'github'>): string {
  const gh = item.github;
  if (!gh) return escapeMrkdwn(item.topic);
  return `<${gh.url}|${escapeLiteral(item.topic)}> _(${KIND_SHORT[gh.kind]} ${gh.repo}#${gh.number})_`;
}

/** Who it is from in Slack mrkdwn: a mention, or the GitHub login nobody maps to a Slack user. */
export function authorMrkdwn(item: ShownItem): string {
  if (item.authorId) return mentionUser(item.authorId);
  return `${escapeLiteral(item.github?.login ?? 'someone')} on GitHub`;
}

/** The topic as a doc shows it (plain text). */
export const topicPlain = (item: ShownItem, names: UserNames): string =>
  item.github ? item.topic : slackToPlain(item.topic, names);

/**
 * What follows the topic in a doc's parentheses: the author's name (`@U…` when Slack does not
 * know them), and for a GitHub item where it lives: `pull request cncf/spec#12 by alice-gh`.
 */
export function sourcePlain(item: ShownItem, names: UserNames): string {
  const person = item.authorId ? (names[item.authorId] ?? `@${item.authorId}`) : undefined;
  const gh = item.github;
  if (!gh) return person ?? '';
  return `${KIND_LONG[gh.kind]} ${gh.repo}#${gh.number} by ${person ?? gh.login}`;
}

/** The Slack users a doc write has to look up for these items. */
export const slackAuthors = (items: readonly ShownItem[]): string[] =>
  items.flatMap((i) => (i.authorId ? [i.authorId] : []));
