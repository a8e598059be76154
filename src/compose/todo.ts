import {
  GITHUB_ISSUE_JOB,
  GITHUB_ISSUE_STATE_JOB,
  TODO_DUE_DM_JOB,
  TODO_DUE_JOB,
  TODO_ISSUE_LINK_JOB,
  TODO_MESSAGE_JOB,
  TODO_RECONCILE_JOB,
} from '../core/todo/todoJobs.js';
import { parseIssueEvent } from '../github/issueEvent.js';
import type { WebhookResult } from '../http/githubWebhookRoute.js';
import { githubIssueJob } from '../jobs/githubIssueJob.js';
import { githubIssueStateJob } from '../jobs/githubIssueStateJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import { todoDueDmJob, todoDueJob } from '../jobs/todoDueJob.js';
import { todoIssueLinkJob } from '../jobs/todoIssueLinkJob.js';
import { todoMessageJob } from '../jobs/todoMessageJob.js';
import { todoReconcileJob } from '../jobs/todoReconcileJob.js';
import type { Services } from '../services.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { registerTodo } from '../slack/todo/registerTodo.js';
import type { TodoSlackDeps } from '../slack/todo/todoSlackDeps.js';
import { applyIssueEvent } from '../usecases/todo/applyIssueState.js';
import type { TodoDeps } from '../usecases/todo/todoDeps.js';

/**
 * Action items: `/todo`, its shortcut, form and buttons; the jobs that follow an item (its
 * message, due-date DMs, GitHub issue and its state); and GitHub's issue webhook. The
 * item's line in the minutes (todo-minutes) is wired with the minutes.
 */
export function wireTodo(services: Services): {
  register(slack: SlackApp): void;
  jobs: JobHandlers;
  /** The GitHub webhook route's `deliver`: an `issues` closed/reopened delivery moves its item. */
  githubWebhook(eventName: string | undefined, payload: unknown): Promise<WebhookResult | undefined>;
} {
  const { clock, groups, actionItems, occurrences, queue, workspace, github, minutes, log, events } =
    services;
  const deps: TodoDeps = {
    clock,
    groups,
    actionItems,
    occurrences,
    queue,
    workspace,
    ...(github ? { github } : {}),
    ...(minutes ? { minutes } : {}),
  };
  const slackDeps: TodoSlackDeps = { ...deps, groups, log, events };
  return {
    register: (slack) => registerTodo(slack, slackDeps),
    jobs: {
      [GITHUB_ISSUE_JOB]: githubIssueJob(deps),
      [GITHUB_ISSUE_STATE_JOB]: githubIssueStateJob(deps),
      [TODO_ISSUE_LINK_JOB]: todoIssueLinkJob(deps),
      [TODO_MESSAGE_JOB]: todoMessageJob(deps),
      [TODO_DUE_JOB]: todoDueJob(deps),
      [TODO_DUE_DM_JOB]: todoDueDmJob(deps),
      [TODO_RECONCILE_JOB]: todoReconcileJob(deps),
    },
    githubWebhook: async (eventName, payload) => {
      const event = parseIssueEvent(eventName, payload);
      if (!event) return undefined;
      const outcome = await applyIssueEvent(deps, event);
      return { outcome, fields: { issue: event.number, action: event.action } };
    },
  };
}
