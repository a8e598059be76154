import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { actionItemFollowUps, HEAL_WINDOW_MS } from '../../core/todo/todoJobs.js';
import { followUpsConfigured, type TodoDeps } from './todoDeps.js';

/**
 * Enqueues the follow-ups of the group's open items recorded in the last day (the process may
 * have died between saving one and enqueuing them). Only recent ones: a repository added to
 * groups.yml later must not turn old items into a burst of issues. Returns how many were new.
 */
export async function healActionItemFollowUps(
  deps: Pick<TodoDeps, 'actionItems' | 'queue' | 'clock' | 'github' | 'minutes'>,
  group: ResolvedGroup,
): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HEAL_WINDOW_MS).toISOString();
  const recent = (await deps.actionItems.list(group.id, { status: 'open' })).filter(
    (i) => i.createdAt >= since,
  );
  const configured = followUpsConfigured(deps);
  const jobs = recent.flatMap((item) => actionItemFollowUps(configured, group, item, now));
  return jobs.length > 0 ? deps.queue.enqueue(jobs, now) : 0;
}
