import type { RepoRef } from './issueTracker.js';

/** One file gavel writes into a repository: its path from the root and its whole text. */
export interface ArchiveFile {
  readonly path: string;
  readonly content: string;
}

/** A pull request, as gavel needs to know it. */
export interface PullRequestRef {
  readonly number: number;
  /** Its page on GitHub (html_url). */
  readonly url: string;
  readonly state: 'open' | 'closed' | 'merged';
  /** The branch it merges from (head.ref). */
  readonly branch: string;
}

/**
 * A group's repository, where its minutes and decisions are published (implemented over
 * Octokit's git data and pulls APIs in src/github). Every call is safe to repeat: a job that
 * died half-way through runs again and finds what the last attempt made. Failures are
 * IssueTrackerErrors (see issueTracker.ts): `permanent` for a missing repository, a refused
 * permission or a protected branch (a lead must fix it), `transient` for the rest.
 */
export interface RepositoryArchive {
  /** The repository's default branch (`main`, say). */
  defaultBranch(repo: RepoRef): Promise<string>;
  /** The text of a file on a branch, or undefined when the file (or the branch) is not there. */
  readFile(repo: RepoRef, branch: string, path: string): Promise<string | undefined>;
  /**
   * Makes `branch` hold these files, in one commit on top of its head, creating the branch
   * from `base`'s head when it does not exist yet. When the branch already holds exactly these
   * contents nothing is committed (`changed: false`): repeating a commit changes nothing.
   */
  commitFiles(
    repo: RepoRef,
    change: {
      readonly branch: string;
      readonly base: string;
      readonly files: readonly ArchiveFile[];
      readonly message: string;
    },
  ): Promise<{ readonly changed: boolean }>;
  /** The newest pull request from `branch` (same repository), whatever its state. */
  findPullRequest(repo: RepoRef, branch: string): Promise<PullRequestRef | undefined>;
  /**
   * Opens a pull request from `branch` into `base`. When one is open from that branch already
   * (GitHub answers 422), that one is answered instead: opening twice opens one.
   */
  openPullRequest(
    repo: RepoRef,
    pull: { readonly branch: string; readonly base: string; readonly title: string; readonly body: string },
  ): Promise<PullRequestRef>;
  /** Rewrites an open pull request's title and body. */
  updatePullRequest(
    repo: RepoRef,
    number: number,
    pull: { readonly title: string; readonly body: string },
  ): Promise<void>;
}
