import type { KnownBlock } from '@slack/types';
import type { ActionItem } from '../../core/model/actionItem.js';
import type { LocalDate } from '../ids.js';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.js';
import { dueLabel } from './localDates.js';

/** Block action ids of action-item messages. */
export const TODO_ACTIONS = {
  /** "Mark done" on an item's channel message; its value is the item's id. */
  markDone: 'todo.mark_done',
} as const;

/** `<@A>`, `<@A> and <@B>`, `<@A>, <@B> and <@C>`. */
export function ownerMentions(owners: readonly string[]): string {
  const m = owners.map(mentionUser);
  return m.length <= 1 ? (m[0] ?? '') : `${m.slice(0, -1).join(', ')} and ${m.at(-1)!}`;
}

/** `Action item #12 for @alice: Write the post (due Thu Dec 7)`, the user's text escaped. */
export function itemSentence(item: ActionItem, today: LocalDate): string {
  const due = item.dueDate ? ` (due ${dueLabel(item.dueDate, today)})` : '';
  return `Action item #${item.number} for ${ownerMentions(item.owners)}: ${escapeMrkdwn(item.text)}${due}`;
}

/**
 * The channel message that announces an item, as it stands: with a "Mark done" button while
 * open, struck through with who-closed-it context once done, and the GitHub link when known.
 */
export function itemMessage(item: ActionItem, today: LocalDate): { text: string; blocks: KnownBlock[] } {
  const sentence = itemSentence(item, today);
  const done = item.status === 'done';
  const text = done ? `:white_check_mark: ~${sentence}~` : sentence;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text },
      ...(done
        ? {}
        : {
            accessory: {
              type: 'button',
              action_id: TODO_ACTIONS.markDone,
              text: { type: 'plain_text', text: 'Mark done' },
              value: String(item.id),
            },
          }),
    },
  ];
  const context = [
    done ? 'Done' : undefined,
    item.githubIssue ? `<${item.githubIssue.url}|GitHub issue #${item.githubIssue.number}>` : undefined,
  ].filter((s) => s !== undefined);
  if (context.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });
  }
  return { text, blocks };
}
