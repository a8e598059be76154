import type { ItemJobPayload } from '../core/todo/todoJobs.js';
import { linkIssueMessage } from '../usecases/todo/itemMessages.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `todo-issue-link` job → linkIssueMessage (enqueued once per item by key). */
export const todoIssueLinkJob =
  (deps: Parameters<typeof linkIssueMessage>[0]): JobHandler =>
  (job) =>
    linkIssueMessage(deps, parsePayload<ItemJobPayload>(job).itemId);
