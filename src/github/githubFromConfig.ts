import type { AppConfig } from '../config/env.js';
import type { IssueTracker } from '../core/todo/issueTracker.js';
import type { Logger } from '../log/logger.js';
import { createGithubClient } from './githubClient.js';
import { githubIssueTracker } from './githubIssueTracker.js';

/** The issue tracker for the configured GitHub (token or App), built once at start. */
export function githubFromConfig(
  settings: NonNullable<AppConfig['github']>,
  log: Logger,
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
