import type { TodoReconcileJobPayload } from '../core/todo/todoJobs.js';
import { reconcileWithGithub } from '../usecases/todo/applyIssueState.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `todo-reconcile` job → reconcileWithGithub (one per group and hour, from the planner). */
export const todoReconcileJob =
  (deps: Parameters<typeof reconcileWithGithub>[0]): JobHandler =>
  (job, { now, log }) =>
    reconcileWithGithub(deps, parsePayload<TodoReconcileJobPayload>(job).groupId, now, log);
