import { GITHUB_AGENDA_SYNC_JOB } from '../core/agenda/githubAgendaSyncJob.js';
import { parseAgendaIssueEvent } from '../github/agendaIssueEvent.js';
import type { WebhookResult } from '../http/githubWebhookRoute.js';
import { githubAgendaSyncJob } from '../jobs/githubAgendaSyncJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';
import { applyGithubAgendaEvent } from '../usecases/agenda/applyGithubAgendaEvent.js';

/**
 * The agenda's GitHub items: the sync job (hourly, and before each reminder and minutes doc)
 * and what the webhook does with `issues` and `pull_request` deliveries.
 */
export function wireGithubAgenda(services: Services): {
  jobs: JobHandlers;
  githubWebhook(eventName: string | undefined, payload: unknown): Promise<WebhookResult | undefined>;
} {
  const { groups, clock, agenda, occurrences, queue, labelledIssues } = services;
  const deps = { groups, clock, agenda, occurrences, queue };
  return {
    jobs: labelledIssues
      ? { [GITHUB_AGENDA_SYNC_JOB]: githubAgendaSyncJob({ ...deps, labelled: labelledIssues }) }
      : {},
    githubWebhook: async (eventName, payload) => {
      const event = parseAgendaIssueEvent(eventName, payload);
      if (!event) return undefined;
      const outcomes = await applyGithubAgendaEvent(deps, event);
      if (outcomes.length === 0) return undefined;
      return {
        outcome: outcomes.map((o) => o.outcome).join(', '),
        fields: { agenda: `${event.issue.repo}#${event.issue.number}`, groups: outcomes },
      };
    },
  };
}

/** Both readers of a delivery (action items and the agenda) see it; their answers are joined. */
export function bothWebhooks(
  ...readers: ((eventName: string | undefined, payload: unknown) => Promise<WebhookResult | undefined>)[]
): (eventName: string | undefined, payload: unknown) => Promise<WebhookResult | undefined> {
  return async (eventName, payload) => {
    const results: WebhookResult[] = [];
    for (const read of readers) {
      const result = await read(eventName, payload);
      if (result) results.push(result);
    }
    if (results.length === 0) return undefined;
    return {
      outcome: results.map((r) => r.outcome).join('; '),
      fields: Object.assign({}, ...results.map((r) => r.fields)) as Record<string, unknown>,
    };
  };
}
