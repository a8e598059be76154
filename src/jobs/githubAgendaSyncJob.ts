import type { GithubAgendaSyncPayload } from '../core/agenda/githubAgendaSyncJob.js';
import { type SyncGithubAgendaDeps, syncGithubAgenda } from '../usecases/agenda/syncGithubAgenda.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/**
 * A claimed `agenda-github-sync` job → syncGithubAgenda. When a source did not answer, what
 * could be read is applied and the job fails, to be retried with backoff: meanwhile the
 * agenda keeps the items last known.
 */
export const githubAgendaSyncJob =
  (deps: SyncGithubAgendaDeps): JobHandler =>
  async (job, { log }) => {
    const { groupId } = parsePayload<GithubAgendaSyncPayload>(job);
    const outcome = await syncGithubAgenda(deps, groupId, log);
    const { problems, ...counts } = outcome;
    log.info({ group: groupId, ...counts, problems: problems.length }, 'GitHub agenda items synced');
    if (outcome.retry) throw new Error('GitHub did not answer for every agenda source; trying again');
  };
