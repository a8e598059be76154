import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { ActionItem } from '../../core/model/actionItem.js';
import type { ActionItemFilter } from '../../core/ports/actionItemRepository.js';
import { zonedDate } from '../../core/slackDate.js';
import type { TodoListFilter } from '../../core/todo/todoCommand.js';
import type { TodoDeps } from './todoDeps.js';

/** `/todo list …`: the group's items that match, and today in the group's zone (for "overdue"). */
export async function listActionItems(
  deps: Pick<TodoDeps, 'actionItems' | 'clock'>,
  query: { readonly group: ResolvedGroup; readonly viewer: SlackUserId; readonly filter: TodoListFilter },
): Promise<{ readonly items: ActionItem[]; readonly today: LocalDate }> {
  const { group, viewer, filter } = query;
  const items = await deps.actionItems.list(group.id, repositoryFilter(filter, viewer));
  return { items, today: zonedDate(deps.clock.now(), group.timeZone) };
}

function repositoryFilter(filter: TodoListFilter, viewer: SlackUserId): ActionItemFilter {
  switch (filter.kind) {
    case 'open':
      return { status: 'open' };
    case 'mine':
      return { status: 'open', owner: viewer };
    case 'owner':
      return { status: 'open', owner: filter.user };
    case 'all':
      return { status: 'any' };
    case 'done':
      return { status: 'done', limit: 50 };
  }
}
