import type { AppConfig } from '../config/env.js';
import { GITHUB_AGENDA_MAX, githubAgendaPlan } from '../core/agenda/githubAgendaPlan.js';
import type { AgendaGithubSettings, Group } from '../core/group.js';
import { isIssueSearchError, type IssueSearch } from '../core/ports/issueSearch.js';
import type { LabelledIssues } from '../core/ports/labelledIssues.js';
import type { Log } from '../core/ports/log.js';
import { createGithubClient } from '../github/githubClient.js';
import { githubIssueSearch } from '../github/githubIssueSearch.js';
import { githubLabelledIssues } from '../github/githubLabelledIssues.js';
import type { RemoteCheck } from './remoteSlackCheck.js';

/**
 * `check --remote`, GitHub's part: asks GitHub what the agenda would ask it, once. Each
 * group's `agenda.github` sources are read as the sync reads them (a misspelt repository, one
 * gavel's token cannot read, an owner GitHub will not search, too many labelled items), and
 * each `agenda.counts` query is run (one GitHub refuses shows with its path before the first
 * reminder says "GitHub refused the query").
 */
export async function remoteGithubCheck(config: AppConfig, groups: readonly Group[]): Promise<RemoteCheck> {
  const counted = groups.filter((g) => (g.agendaCounts ?? []).length > 0);
  const labelledFor = groups.filter((g) => g.agendaGithub);
  if (counted.length === 0 && labelledFor.length === 0) return { lines: [], problems: [] };
  if (!config.github) {
    // configNotes says so for agenda.github; counts without GitHub show as unavailable.
    return {
      lines: [],
      problems: counted.map(
        (g) =>
          `groups.${g.id}.agenda.counts: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*), so the counts cannot be fetched`,
      ),
    };
  }
  const client = createGithubClient({
    auth: config.github.auth,
    apiUrl: config.github.apiUrl,
    log: quiet,
    timeoutMs: 15_000,
  });
  const labelled = githubLabelledIssues(client);
  const search = githubIssueSearch(client);
  const answers: RemoteCheck[] = [];
  for (const g of groups) {
    if (g.agendaGithub) answers.push(await labelledSources(labelled, g.id, g.agendaGithub));
    answers.push(await counts(search, g));
  }
  return { lines: answers.flatMap((a) => a.lines), problems: answers.flatMap((a) => a.problems) };
}

/** One line per source that answered; the sync's own words for those that did not. */
async function labelledSources(
  labelled: LabelledIssues,
  groupId: string,
  agenda: AgendaGithubSettings,
): Promise<RemoteCheck> {
  const path = `groups.${groupId}.agenda.github`;
  const reads = await Promise.all(
    agenda.repos.map((source) => labelled.labelled(source, agenda.label, GITHUB_AGENDA_MAX)),
  );
  const lines = reads.flatMap((read, i) =>
    read.ok
      ? [
          `${path}.repos[${i}]: ${agenda.repos[i]}: ${read.complete ? read.items.length : `more than ${read.items.length}`} open, labelled "${agenda.label}"`,
        ]
      : [],
  );
  return { lines, problems: githubAgendaPlan({ path, settings: agenda, reads, open: [] }).problems };
}

async function counts(search: IssueSearch, g: Group): Promise<RemoteCheck> {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const [i, count] of (g.agendaCounts ?? []).entries()) {
    const path = `groups.${g.id}.agenda.counts[${i}].query`;
    try {
      lines.push(`GitHub counts ${count.title}: ${await search.count(count.query)} (${g.id})`);
    } catch (error) {
      if (!isIssueSearchError(error)) throw error;
      problems.push(
        error.kind === 'refused'
          ? `${path}: GitHub refused the query: ${error.message}`
          : `${path}: GitHub could not be asked (${error.message}); check GITHUB_API_URL and the token`,
      );
    }
  }
  return { lines, problems };
}

/** A terminal run reports what matters itself; the client's rate-limit chatter stays out of it. */
const nothing = () => undefined;
const quiet: Log = {
  trace: nothing,
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
  child: () => quiet,
  isLevelEnabled: () => false,
};
