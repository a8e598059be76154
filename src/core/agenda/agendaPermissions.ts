import { type Group, isLead } from '../group.js';
import type { SlackUserId } from '../ids.js';

/** Its author or a lead may remove or move an item; nobody else. */
export const mayChangeItem = (
  group: Group,
  user: SlackUserId,
  item: { readonly authorId: string | null },
): boolean => item.authorId === user || isLead(group, user);

/** The order of discussion is the chair's call too: leads only. */
export const mayReorder = (group: Group, user: SlackUserId): boolean => isLead(group, user);

/** Marking an item covered is the chair's call: leads only. */
export const mayMarkCovered = (group: Group, user: SlackUserId): boolean => isLead(group, user);
