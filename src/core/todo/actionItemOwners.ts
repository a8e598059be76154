import { type Group, isLead } from '../group.js';
import { isSlackUserId, type SlackUserId } from '../ids.js';
import type { ActionItem } from '../../store/schema.js';

/** The owners stored with an item (a JSON array of Slack user ids). */
export function ownersOf(item: Pick<ActionItem, 'owners'>): SlackUserId[] {
  try {
    const parsed = JSON.parse(item.owners) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((u): u is SlackUserId => typeof u === 'string' && isSlackUserId(u))
      : [];
  } catch {
    return [];
  }
}

/** Who may mark an item done, reopen or edit it: an owner, its author, or a lead. */
export const mayChangeActionItem = (group: Group, user: SlackUserId, item: ActionItem): boolean =>
  item.author_id === user || ownersOf(item).includes(user) || isLead(group, user);
