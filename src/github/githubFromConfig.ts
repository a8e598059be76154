import type { GithubSettings } from '../core/settings/integrationSettings.js';
import type { IssueSearch } from '../core/ports/issueSearch.js';
import type { IssueTracker } from '../core/ports/issueTracker.js';
import type { Log } from '../core/ports/log.js';
import type { RepositoryArchive } from '../core/ports/repositoryArchive.js';
import { createGithubClient } from './githubClient.js';
import { githubIssueSearch } from './githubIssueSearch.js';
import { githubIssueTracker } from './githubIssueTracker.js';
import { githubRepositoryArchive } from './githubRepositoryArchive.js';
import { githubLabelledIssues } from './githubLabelledIssues.js';
import type { LabelledIssues } from '../core/ports/labelledIssues.js';

/**
 * The issue tracker and the repository archive for the configured GitHub (token or App),
 * built once at start over one client, so their writes share one pace and one rate limit.
 */
export function githubFromConfig(
  settings: GithubSettings,
  log: Log,
  timing: { readonly timeoutMs?: number; readonly retryBaseMs?: number; readonly fetch?: typeof fetch } = {},
): {
  readonly issues: IssueTracker;
  readonly archive: RepositoryArchive;
  readonly labelled: LabelledIssues;
  readonly search: IssueSearch;
} {
  const client = createGithubClient({
    auth: settings.auth,
    apiUrl: settings.apiUrl,
    log,
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
    ...(timing.retryBaseMs === undefined ? {} : { retryAfterBaseValue: timing.retryBaseMs }),
    ...(timing.fetch ? { fetch: timing.fetch } : {}),
  });
  return {
    issues: githubIssueTracker(client, { webhooks: settings.webhookSecret !== undefined }),
    archive: githubRepositoryArchive(client),
    labelled: githubLabelledIssues(client),
    search: githubIssueSearch(client),
  };
}
