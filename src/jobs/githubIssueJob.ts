import type { ItemJobPayload } from '../core/todo/todoJobs.js';
import { createGithubIssue } from '../usecases/todo/createGithubIssue.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `github-issue` job → createGithubIssue (its attempt count guards a double issue). */
export const githubIssueJob =
  (deps: Parameters<typeof createGithubIssue>[0]): JobHandler =>
  (job, { now, log }) =>
    createGithubIssue(
      deps,
      { itemId: parsePayload<ItemJobPayload>(job).itemId, attempt: job.attempts },
      now,
      log,
    );
