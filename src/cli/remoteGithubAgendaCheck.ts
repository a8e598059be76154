import { GITHUB_AGENDA_MAX, githubAgendaPlan } from '../core/agenda/githubAgendaPlan.js';
import type { Group } from '../core/group.js';
import type { Log } from '../core/ports/log.js';
import type { GithubSettings } from '../core/settings/integrationSettings.js';
import { createGithubClient } from '../github/githubClient.js';
import { githubLabelledIssues } from '../github/githubLabelledIssues.js';
import type { RemoteCheck } from './remoteSlackCheck.js';

/** The terminal wants the answer, not the client's warnings. */
const quiet: Log = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => quiet,
  isLevelEnabled: () => false,
};

/**
 * `check --remote` for `agenda.github`: reads each group's sources as the sync would, so a
 * misspelt repository, one gavel's token cannot read, an owner GitHub will not search, or
 * too many labelled items show before deploying. One line per source that answered.
 */
export async function remoteGithubAgendaCheck(
  settings: GithubSettings,
  groups: readonly Group[],
): Promise<RemoteCheck> {
  const labelled = githubLabelledIssues(
    createGithubClient({ auth: settings.auth, apiUrl: settings.apiUrl, log: quiet, timeoutMs: 15_000 }),
  );
  const lines: string[] = [];
  const problems: string[] = [];
  for (const group of groups) {
    const agenda = group.agendaGithub;
    if (!agenda) continue;
    const path = `groups.${group.id}.agenda.github`;
    const reads = await Promise.all(
      agenda.repos.map((source) => labelled.labelled(source, agenda.label, GITHUB_AGENDA_MAX)),
    );
    reads.forEach((read, i) => {
      if (read.ok) {
        const n = read.items.length;
        lines.push(
          `${path}.repos[${i}]: ${agenda.repos[i]}: ${read.complete ? n : `more than ${n}`} open, labelled "${agenda.label}"`,
        );
      }
    });
    problems.push(...githubAgendaPlan({ path, settings: agenda, reads, open: [] }).problems);
  }
  return { lines, problems };
}
