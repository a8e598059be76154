import type { ResolvedGroup } from '../core/groupDirectory.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import type { ActionItem } from '../core/model/actionItem.js';
import { githubIssueJobSpec } from './githubIssueJob.js';
import { todoDueJobSpec } from './todoDueJob.js';
import { todoMinutesJobSpec } from './todoMinutesJob.js';

/**
 * The durable follow-ups of one action item: its GitHub issue (when the group has a
 * repository), the owners' due-date DMs, its line in the meeting's minutes. Keys are natural
 * (item id, due date), so enqueuing them again is a no-op: that is what lets the planner
 * heal an item whose process died between saving it and enqueuing these.
 */
export function actionItemFollowUps(
  services: Pick<Services, 'github' | 'minutes'>,
  group: ResolvedGroup,
  item: ActionItem,
  now: Date,
): JobSpec[] {
  const jobs: JobSpec[] = [];
  if (group.github && services.github) jobs.push(githubIssueJobSpec(item.id, now));
  if (item.dueDate) jobs.push(todoDueJobSpec(item.id, item.dueDate));
  if (item.meetingStartsAt && group.minutes && services.minutes) jobs.push(todoMinutesJobSpec(item.id, now));
  return jobs;
}

/** How far back the planner looks for items whose follow-ups may be missing. */
export const HEAL_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Enqueues the follow-ups of the group's open items recorded in the last day. Only recent
 * ones: a repository added to groups.yml later must not turn old items into a burst of issues.
 */
export async function healActionItemFollowUps(services: Services, group: ResolvedGroup): Promise<number> {
  const now = services.clock.now();
  const since = new Date(now.getTime() - HEAL_WINDOW_MS).toISOString();
  const recent = (await services.actionItems.list(group.id, { status: 'open' })).filter(
    (i) => i.createdAt >= since,
  );
  const jobs = recent.flatMap((item) => actionItemFollowUps(services, group, item, now));
  return jobs.length > 0 ? services.queue.enqueue(jobs, now) : 0;
}
