import type { AppConfig } from '../config/env.js';
import type { Group } from '../core/group.js';
import { isIssueSearchError } from '../core/ports/issueSearch.js';
import type { Log } from '../core/ports/log.js';
import { createGithubClient } from '../github/githubClient.js';
import { githubIssueSearch } from '../github/githubIssueSearch.js';
import type { RemoteCheck } from './remoteSlackCheck.js';

/**
 * `check --remote`, GitHub's part: runs each group's agenda counts once, so a query GitHub
 * refuses (a misspelt repository, a qualifier it rejects) shows with its path before the first
 * reminder says "GitHub refused the query".
 */
export async function remoteGithubCheck(config: AppConfig, groups: readonly Group[]): Promise<RemoteCheck> {
  const counted = groups.filter((g) => (g.agendaCounts ?? []).length > 0);
  if (counted.length === 0) return { lines: [], problems: [] };
  if (!config.github) {
    return {
      lines: [],
      problems: counted.map(
        (g) =>
          `groups.${g.id}.agenda.counts: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*), so the counts cannot be fetched`,
      ),
    };
  }
  const search = githubIssueSearch(
    createGithubClient({
      auth: config.github.auth,
      apiUrl: config.github.apiUrl,
      log: quiet,
      timeoutMs: 15_000,
    }),
  );
  const lines: string[] = [];
  const problems: string[] = [];
  for (const g of counted) {
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
