import type { GroupId } from '../../core/ids.js';
import type { ActionItem } from '../../core/model/actionItem.js';
import { type IssueEvent, isIssueTrackerError } from '../../core/ports/issueTracker.js';
import type { Log } from '../../core/ports/log.js';
import { markedItemId } from '../../core/todo/issueDraft.js';
import { todoMessageJobSpec } from '../../core/todo/todoJobs.js';
import type { TodoDeps } from './todoDeps.js';

/** Issues looked at per reconcile run: GitHub's 5,000 requests an hour stay mostly free for the rest. */
const MAX_ISSUES_PER_RUN = 200;

type StateDeps = Pick<TodoDeps, 'actionItems' | 'queue'>;

/**
 * An issue's state, brought to its item: a closed issue marks the item done, an open one opens
 * it again, and the item's channel message is redrawn. Returns whether the item changed
 * (replays and items already in that state change nothing).
 */
export async function applyIssueState(
  deps: StateDeps,
  item: ActionItem,
  state: 'open' | 'closed',
  now: Date,
): Promise<boolean> {
  const { item: updated, changed } = await deps.actionItems.setStatus(
    item.id,
    state === 'closed' ? 'done' : 'open',
    now,
  );
  if (changed) await deps.queue.enqueue([todoMessageJobSpec(updated, now)], now);
  return changed;
}

export type IssueEventOutcome = 'changed' | 'unchanged' | 'not-an-item';

/**
 * GitHub's webhook: an issue was closed or reopened. The item is found by the issue's marker
 * (checked against the stored number) or by the stored number, only among groups whose
 * configured repository sent the event.
 */
export async function applyIssueEvent(
  deps: StateDeps & Pick<TodoDeps, 'groups' | 'clock'>,
  event: IssueEvent,
): Promise<IssueEventOutcome> {
  const sameRepo = (g: { github: { owner: string; repo: string } | undefined }) =>
    g.github?.owner.toLowerCase() === event.owner.toLowerCase() &&
    g.github.repo.toLowerCase() === event.repo.toLowerCase();
  const groupIds = deps.groups
    .all()
    .filter(sameRepo)
    .map((g) => g.id);
  if (groupIds.length === 0) return 'not-an-item';
  const item =
    (await byMarker(deps, event, groupIds)) ?? (await deps.actionItems.byGithubIssue(groupIds, event.number));
  if (!item) return 'not-an-item';
  const state = event.action === 'closed' ? 'closed' : 'open';
  return (await applyIssueState(deps, item, state, deps.clock.now())) ? 'changed' : 'unchanged';
}

async function byMarker(
  deps: Pick<TodoDeps, 'actionItems'>,
  event: IssueEvent,
  groupIds: readonly GroupId[],
): Promise<ActionItem | undefined> {
  const id = markedItemId(event.body);
  if (id === undefined) return undefined;
  const item = await deps.actionItems.byId(id);
  const ours =
    item &&
    groupIds.includes(item.groupId) &&
    (item.githubIssue === null || item.githubIssue.number === event.number);
  return ours ? item : undefined;
}

/**
 * Without a webhook, the only way to learn that an issue was closed on GitHub: each open item
 * of the group that has an issue is compared with it, and closed issues mark their items done.
 * A missing issue (deleted, transferred) is left alone; the next run tries again.
 */
export async function reconcileWithGithub(
  deps: StateDeps & Pick<TodoDeps, 'groups' | 'github'>,
  groupId: string,
  now: Date,
  log: Log,
): Promise<void> {
  const group = deps.groups.byId(groupId);
  const tracker = deps.github;
  if (!group?.github || !tracker) return;
  const repo = { owner: group.github.owner, repo: group.github.repo };
  const open = (await deps.actionItems.list(group.id, { status: 'open' }))
    .filter((i) => i.githubIssue !== null)
    .slice(0, MAX_ISSUES_PER_RUN);
  let closed = 0;
  for (const item of open) {
    try {
      const issue = await tracker.get(repo, item.githubIssue!.number);
      if (issue.state !== 'closed') continue;
    } catch (error) {
      if (isIssueTrackerError(error) && error.failure.kind === 'permanent') {
        log.warn({ itemId: item.id, err: error }, 'the item’s GitHub issue cannot be read');
        continue;
      }
      throw error;
    }
    if (await applyIssueState(deps, item, 'closed', now)) closed += 1;
  }
  log.info({ group: group.id, checked: open.length, closed }, 'action items reconciled with GitHub');
}
