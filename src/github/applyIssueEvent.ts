import type { GroupId } from '../core/ids.js';
import { markedItemId } from '../core/todo/issueDraft.js';
import { todoMessageJobSpec } from '../jobs/todoMessageJob.js';
import type { Services } from '../services.js';
import type { ActionItem } from '../core/model/actionItem.js';
import type { IssueEvent } from './issueEvent.js';

export type IssueEventOutcome = 'changed' | 'unchanged' | 'not-an-item';

/**
 * A closed issue marks its item done, a reopened one opens it again. The item is found by
 * the issue's marker (checked against the stored number) or by the stored number, only among
 * groups whose configured repository sent the event. Replays change nothing.
 */
export async function applyIssueEvent(services: Services, event: IssueEvent): Promise<IssueEventOutcome> {
  const sameRepo = (g: { github: { owner: string; repo: string } | undefined }) =>
    g.github?.owner.toLowerCase() === event.owner.toLowerCase() &&
    g.github.repo.toLowerCase() === event.repo.toLowerCase();
  const groupIds = services.groups
    .all()
    .filter(sameRepo)
    .map((g) => g.id);
  if (groupIds.length === 0) return 'not-an-item';
  const item =
    (await byMarker(services, event, groupIds)) ??
    (await services.actionItems.byGithubIssue(groupIds, event.number));
  if (!item) return 'not-an-item';
  const now = services.clock.now();
  const { item: updated, changed } = await services.actionItems.setStatus(
    item.id,
    event.action === 'closed' ? 'done' : 'open',
    now,
  );
  if (changed) await services.queue.enqueue([todoMessageJobSpec(updated, now)], now);
  return changed ? 'changed' : 'unchanged';
}

async function byMarker(
  services: Services,
  event: IssueEvent,
  groupIds: readonly GroupId[],
): Promise<ActionItem | undefined> {
  const id = markedItemId(event.body);
  if (id === undefined) return undefined;
  const item = await services.actionItems.byId(id);
  const ours =
    item &&
    groupIds.includes(item.groupId) &&
    (item.githubIssue === null || item.githubIssue.number === event.number);
  return ours ? item : undefined;
}
