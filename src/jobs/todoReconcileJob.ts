import { isIssueTrackerError } from '../core/todo/issueTracker.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { type JobHandler, parsePayload } from './jobHandler.js';
import { todoMessageJobSpec } from './todoMessageJob.js';

export const TODO_RECONCILE_JOB = 'todo-reconcile';

/** Issues looked at per run: GitHub's 5,000 requests an hour stay mostly free for the rest. */
const MAX_ISSUES_PER_RUN = 200;

interface Payload {
  readonly groupId: string;
}

/** One per group and hour: the planner enqueues it on every run, the key keeps it to one. */
export const todoReconcileJobSpec = (groupId: string, now: Date): JobSpec => ({
  key: `${TODO_RECONCILE_JOB}:${groupId}:${now.toISOString().slice(0, 13)}`,
  kind: TODO_RECONCILE_JOB,
  payload: { groupId } satisfies Payload,
  runAt: now,
});

/**
 * Without a webhook, the only way to learn that an issue was closed on GitHub: each open item
 * that has an issue is compared with it, and closed issues mark their items done. A missing
 * issue (deleted, transferred) is left alone; the next run tries again.
 */
export function todoReconcileJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { groupId } = parsePayload<Payload>(job);
    const group = services.groups.byId(groupId);
    const tracker = services.github;
    if (!group?.github || !tracker) return;
    const repo = { owner: group.github.owner, repo: group.github.repo };
    const open = (await services.actionItems.list(group.id, { status: 'open' }))
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
      const { item: updated, changed } = await services.actionItems.setStatus(item.id, 'done', now);
      if (!changed) continue;
      closed += 1;
      await services.queue.enqueue([todoMessageJobSpec(updated, now)], now);
    }
    log.info({ group: group.id, checked: open.length, closed }, 'action items reconciled with GitHub');
  };
}
