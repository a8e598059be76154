import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { ActionItem, ActionItemId } from '../../core/model/actionItem.js';
import type { TodoDeps } from './todoDeps.js';

/** Item n of the group, or a GavelError that points at the list. */
export async function findActionItem(
  deps: Pick<TodoDeps, 'actionItems'>,
  group: ResolvedGroup,
  number: number,
): Promise<ActionItem> {
  const item = await deps.actionItems.byNumber(group.id, number);
  if (!item) {
    throw new GavelError(
      'not_found',
      `There is no action item #${number} in this group. See \`/todo list all\`.`,
    );
  }
  return item;
}

/** The item a button names, with its group; undefined when either is gone. */
export async function actionItemById(
  deps: Pick<TodoDeps, 'actionItems' | 'groups'>,
  id: ActionItemId,
): Promise<{ readonly item: ActionItem; readonly group: ResolvedGroup } | undefined> {
  const item = await deps.actionItems.byId(id);
  const group = item ? deps.groups.byId(item.groupId) : undefined;
  return item && group ? { item, group } : undefined;
}
