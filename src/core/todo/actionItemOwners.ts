import { type Group, isLead } from '../group.js';
import type { SlackUserId } from '../ids.js';
import type { ActionItem } from '../../core/model/actionItem.js';

/** Who may mark an item done, reopen or edit it: an owner, its author, or a lead. */
export const mayChangeActionItem = (group: Group, user: SlackUserId, item: ActionItem): boolean =>
  item.authorId === user || item.owners.includes(user) || isLead(group, user);
