import type { AppConfig } from '../config/env.js';
import type { IssueTracker } from '../core/todo/issueTracker.js';
import type { Logger } from '../log/logger.js';
import { createGithubClient } from './githubClient.js';
import { githubIssueTracker } from './githubIssueTracker.js';

/** The issue tracker for the configured GitHub (token or App), built once at start. */
export function githubFromConfig(settings: NonNullable<AppConfig['github']>, log: Logger): IssueTracker {
  return githubIssueTracker(createGithubClient({ auth: settings.auth, apiUrl: settings.apiUrl, log }));
}
