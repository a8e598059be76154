import type { KnownBlock } from '@slack/types';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import { type AgendaListInput, agendaListText, itemLine, standingLine, totalLine } from './agendaReplies.js';

export const AGENDA_ACTIONS = {
  /** A lead's button beside an open item in `/agenda list`; its value is the item's id. */
  markCovered: 'agenda.mark_covered',
} as const;

/** Slack allows 50 blocks a message: one for the header, the rest for items. */
const MAX_ITEM_BLOCKS = 45;

/**
 * The agenda as blocks, with a "Covered" button beside each open item for a lead. Pure.
 * Without buttons to offer (not a lead, nothing open, too many items) it is plain text.
 */
export function agendaListReply(
  input: AgendaListInput & { readonly items: readonly AgendaItem[]; readonly canMarkCovered: boolean },
): { text: string; blocks?: KnownBlock[] } {
  const text = agendaListText(input);
  const anyOpen = input.items.some((i) => i.status === 'open');
  if (!input.canMarkCovered || !anyOpen || input.items.length > MAX_ITEM_BLOCKS) return { text };
  const [header = ''] = text.split('\n', 1);
  const head = [header, ...(input.standing ?? []).map(standingLine)].join('\n');
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: head } }];
  for (const item of input.items) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: itemLine(item, input.labelOf) },
      ...(item.status === 'open'
        ? {
            accessory: {
              type: 'button',
              action_id: AGENDA_ACTIONS.markCovered,
              text: { type: 'plain_text', text: 'Covered' },
              value: String(item.id),
            },
          }
        : {}),
    });
  }
  const total = totalLine(input);
  if (total) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: total }] });
  return { text, blocks };
}
