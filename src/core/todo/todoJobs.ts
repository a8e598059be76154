import { DAY_MS } from '../duration.js';
import type { ResolvedGroup } from '../groupDirectory.js';
import type { LocalDate } from '../ids.js';
import type { ActionItem, ActionItemId } from '../model/actionItem.js';
import type { JobSpec } from '../ports/jobQueue.js';
import { earliestDueMorning } from './dueReminder.js';

/**
 * The durable jobs that follow an action item: their kinds, keys and payloads. The use cases
 * enqueue them and the job handlers read them back, so both find them here.
 */
export const TODO_MESSAGE_JOB = 'todo-message';
export const TODO_ISSUE_LINK_JOB = 'todo-issue-link';
export const TODO_DUE_JOB = 'todo-due';
export const TODO_DUE_DM_JOB = 'todo-due-dm';
export const TODO_RECONCILE_JOB = 'todo-reconcile';
export const TODO_MINUTES_JOB = 'todo-minutes';
export const GITHUB_ISSUE_JOB = 'github-issue';
export const GITHUB_ISSUE_STATE_JOB = 'github-issue-state';

/** The payload of the jobs that concern one item and nothing more. */
export interface ItemJobPayload {
  readonly itemId: ActionItemId;
}

export interface TodoDueJobPayload {
  readonly itemId: ActionItemId;
  readonly due: string;
}

export interface TodoDueDmJobPayload {
  readonly itemId: ActionItemId;
  readonly due: string;
  readonly owner: string;
}

export interface TodoReconcileJobPayload {
  readonly groupId: string;
}

export interface GithubIssueStateJobPayload {
  readonly itemId: ActionItemId;
  /** Who changed the item in Slack (named in the comment). */
  readonly by: string | undefined;
}

/** Once per item (by key): `kind:itemId`, due now. */
const oncePerItem = (kind: string, itemId: ActionItemId, now: Date): JobSpec => ({
  key: `${kind}:${itemId}`,
  kind,
  payload: { itemId } satisfies ItemJobPayload,
  runAt: now,
});

/** Redraws the item's channel message: one job per change (its updatedAt and status are in the key). */
export const todoMessageJobSpec = (item: ActionItem, now: Date): JobSpec => ({
  key: `${TODO_MESSAGE_JOB}:${item.id}:${item.updatedAt}:${item.status}`,
  kind: TODO_MESSAGE_JOB,
  payload: { itemId: item.id } satisfies ItemJobPayload,
  runAt: now,
});

/** Tells the channel where the item is followed up; once per item. */
export const todoIssueLinkJobSpec = (itemId: ActionItemId, now: Date): JobSpec =>
  oncePerItem(TODO_ISSUE_LINK_JOB, itemId, now);

/** Opens the item's GitHub issue; once per item. */
export const githubIssueJobSpec = (itemId: ActionItemId, now: Date): JobSpec =>
  oncePerItem(GITHUB_ISSUE_JOB, itemId, now);

/** Writes the item into its meeting's minutes; once per item. */
export const todoMinutesJobSpec = (itemId: ActionItemId, now: Date): JobSpec =>
  oncePerItem(TODO_MINUTES_JOB, itemId, now);

/**
 * One job per change of the item: done, reopen, done again. The status is in the key with the
 * time of the change, so a reopen in the same millisecond as the close is not taken for it.
 */
export const githubIssueStateJobSpec = (item: ActionItem, now: Date, by: string | undefined): JobSpec => ({
  key: `${GITHUB_ISSUE_STATE_JOB}:${item.id}:${item.updatedAt}:${item.status}`,
  kind: GITHUB_ISSUE_STATE_JOB,
  payload: { itemId: item.id, by } satisfies GithubIssueStateJobPayload,
  runAt: now,
});

/**
 * One per item and due date (a snooze makes a new one). It runs at the earliest morning of
 * the due date anywhere on Earth, when no owner's own morning can have passed yet.
 */
export const todoDueJobSpec = (itemId: ActionItemId, due: LocalDate): JobSpec => ({
  key: `${TODO_DUE_JOB}:${itemId}:${due}`,
  kind: TODO_DUE_JOB,
  payload: { itemId, due } satisfies TodoDueJobPayload,
  runAt: earliestDueMorning(due),
});

/** One DM per item, due date and owner. */
export const todoDueDmJobSpec = (itemId: ActionItemId, due: string, owner: string, at: Date): JobSpec => ({
  key: `${TODO_DUE_DM_JOB}:${itemId}:${due}:${owner}`,
  kind: TODO_DUE_DM_JOB,
  payload: { itemId, due, owner } satisfies TodoDueDmJobPayload,
  runAt: at,
});

/** One per group and hour: the planner enqueues it on every run, the key keeps it to one. */
export const todoReconcileJobSpec = (groupId: string, now: Date): JobSpec => ({
  key: `${TODO_RECONCILE_JOB}:${groupId}:${now.toISOString().slice(0, 13)}`,
  kind: TODO_RECONCILE_JOB,
  payload: { groupId } satisfies TodoReconcileJobPayload,
  runAt: now,
});

/** Which follow-ups this deployment can do: GitHub and Google are each optional. */
export interface FollowUpsConfigured {
  readonly github: boolean;
  readonly minutes: boolean;
}

/**
 * The durable follow-ups of one action item: its GitHub issue (when the group has a
 * repository), the owners' due-date DMs, its line in the meeting's minutes. Keys are natural
 * (item id, due date), so enqueuing them again is a no-op: that is what lets the planner
 * heal an item whose process died between saving it and enqueuing these.
 */
export function actionItemFollowUps(
  configured: FollowUpsConfigured,
  group: ResolvedGroup,
  item: ActionItem,
  now: Date,
): JobSpec[] {
  const jobs: JobSpec[] = [];
  if (group.github && configured.github) jobs.push(githubIssueJobSpec(item.id, now));
  if (item.dueDate) jobs.push(todoDueJobSpec(item.id, item.dueDate));
  if (item.meetingStartsAt && group.minutes && configured.minutes)
    jobs.push(todoMinutesJobSpec(item.id, now));
  return jobs;
}

/** How far back the planner looks for items whose follow-ups may be missing. */
export const HEAL_WINDOW_MS = DAY_MS;
