import type { ActionItem } from '../model/actionItem.js';
import type { LocalDate, SlackUserId } from '../ids.js';
import { escapeMrkdwn, escapePlain, mentionUser } from '../mrkdwn.js';
import { dueLabel } from './localDates.js';
import type { TodoListFilter } from './todoCommand.js';

/** Enough lines for any real group; the rest is counted, not shown. */
const MAX_LINES = 100;

export interface ActionItemListInput {
  readonly groupName: string;
  readonly filter: TodoListFilter;
  readonly viewer: SlackUserId;
  /** Items that match the filter. */
  readonly items: readonly ActionItem[];
  readonly today: LocalDate;
}

/**
 * The list for `/todo list`, grouped by owner (an item with two owners shows under both),
 * overdue items first, then by due date, undated last. Pure.
 */
export function actionItemList(input: ActionItemListInput): string {
  const { filter, today } = input;
  const only = filter.kind === 'mine' ? input.viewer : filter.kind === 'owner' ? filter.user : undefined;
  const byOwner = new Map<string, ActionItem[]>();
  for (const item of [...input.items].sort(byDue)) {
    for (const owner of item.owners) {
      if (only && owner !== only) continue;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
    }
  }
  const words = wordsOf(filter);
  const heading = `*${words.heading}* — ${escapePlain(input.groupName)}`;
  if (byOwner.size === 0) return `${heading}\n${words.empty}`;
  const groups = [...byOwner.entries()].sort(([a, x], [b, y]) => byDue(x[0]!, y[0]!) || a.localeCompare(b));
  const lines: string[] = [];
  for (const [owner, items] of groups) {
    lines.push(`*${mentionUser(owner)}*`);
    for (const item of items) lines.push(itemLine(item, today));
  }
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length > MAX_LINES ? [`… and ${lines.length - MAX_LINES} more lines`] : [];
  return [heading, ...shown, ...more].join('\n');
}

function itemLine(item: ActionItem, today: LocalDate): string {
  const parts = [`#${item.number} ${escapeMrkdwn(item.text)}`];
  if (item.dueDate) {
    const overdue = item.status === 'open' && item.dueDate < today;
    parts.push(`due ${dueLabel(item.dueDate, today)}${overdue ? ' · *overdue*' : ''}`);
  }
  if (item.githubIssue) parts.push(`<${item.githubIssue.url}|GitHub #${item.githubIssue.number}>`);
  const line = parts.join(' — ');
  return item.status === 'done' ? `• :white_check_mark: ~${line}~` : `• ${line}`;
}

/** Open before done, then soonest due (overdue first), undated last, then by number. */
function byDue(a: ActionItem, b: ActionItem): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  const da = a.dueDate ?? '9999-12-31';
  const db = b.dueDate ?? '9999-12-31';
  return da.localeCompare(db) || a.number - b.number;
}

/** The list's heading and what it says when nothing matches. */
function wordsOf(filter: TodoListFilter): { readonly heading: string; readonly empty: string } {
  const noneOpen = 'No open action items. Record one with `/todo @someone <what> by <when>`.';
  switch (filter.kind) {
    case 'open':
      return { heading: 'Open action items', empty: noneOpen };
    case 'mine':
      return { heading: 'Your open action items', empty: 'You have no open action items.' };
    case 'owner':
      return {
        heading: `Open action items of ${mentionUser(filter.user)}`,
        empty: `${mentionUser(filter.user)} has no open action items.`,
      };
    case 'all':
      return { heading: 'All action items', empty: noneOpen };
    case 'done':
      return { heading: 'Done action items', empty: 'Nothing is marked done yet.' };
  }
}
