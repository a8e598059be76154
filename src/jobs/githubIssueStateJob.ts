import type { GithubIssueStateJobPayload } from '../core/todo/todoJobs.js';
import { syncIssueState } from '../usecases/todo/syncIssueState.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `github-issue-state` job → syncIssueState (close or reopen the item's issue). */
export const githubIssueStateJob =
  (deps: Parameters<typeof syncIssueState>[0]): JobHandler =>
  (job, { log }) =>
    syncIssueState(deps, { ...parsePayload<GithubIssueStateJobPayload>(job), attempt: job.attempts }, log);
