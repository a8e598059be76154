import type { GithubSettings } from '../core/settings/integrationSettings.js';
import type { IssueTracker } from '../core/ports/issueTracker.js';
import type { Log } from '../core/ports/log.js';
import { createGithubClient } from './githubClient.js';
import { githubIssueTracker } from './githubIssueTracker.js';

/** The issue tracker for the configured GitHub (token or App), built once at start. */
export function githubFromConfig(
  settings: GithubSettings,
  log: Log,
  timing: { readonly timeoutMs?: number; readonly retryBaseMs?: number } = {},
): IssueTracker {
  const client = createGithubClient({
    auth: settings.auth,
    apiUrl: settings.apiUrl,
    log,
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
    ...(timing.retryBaseMs === undefined ? {} : { retryAfterBaseValue: timing.retryBaseMs }),
  });
  return githubIssueTracker(client, {
    webhooks: settings.webhookSecret !== undefined,
  });
}
