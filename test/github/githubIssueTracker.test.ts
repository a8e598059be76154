import { afterEach, describe, expect, it } from 'vitest';
import type { IssueTracker } from '../../src/core/ports/issueTracker.js';
import { createGithubClient } from '../../src/github/githubClient.js';
import { githubIssueTracker } from '../../src/github/githubIssueTracker.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { silentLogger } from '../support/databases.js';

const TOKEN = 'ghp_hascommenttest0000000000000000000000';
const REPO = { owner: 'cncf', repo: 'wg-serverless' };
const MARKER = '<!-- gavel:wrap-up:serverless:2026-11-23 -->';

describe('IssueTracker.hasComment over Octokit (the GitHub stand-in)', () => {
  let github: GithubApiServer;
  afterEach(async () => {
    await github.close();
  });

  const start = async (): Promise<IssueTracker> => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    const octokit = createGithubClient({
      auth: { kind: 'token', token: TOKEN },
      apiUrl: github.url,
      log: silentLogger,
      retryAfterBaseValue: 1,
    });
    return githubIssueTracker(octokit, { webhooks: false });
  };
  /** An issue someone else opened, with `count` comments of theirs. */
  const discussed = (count: number, opts: { pullRequest?: boolean } = {}) => {
    const issue = github.addIssue({ ...REPO, title: 'Agenda', ...opts });
    for (let i = 1; i <= count; i++) github.addComment(REPO.owner, REPO.repo, issue.number, `comment ${i}`);
    return issue.number;
  };
  const listCalls = () => github.callsTo('issues.listComments');

  it('finds the marker in a comment on the second page', async () => {
    const tracker = await start();
    const number = discussed(130);
    github.addComment(REPO.owner, REPO.repo, number, `Minutes are up.\n\n${MARKER}`, 'gavel-bot');
    expect(await tracker.hasComment(REPO, number, MARKER)).toBe(true);
    expect(listCalls().map((c) => c.query)).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }]);
  });

  it('stops reading once the marker is found', async () => {
    const tracker = await start();
    const number = discussed(0);
    github.addComment(REPO.owner, REPO.repo, number, MARKER, 'gavel-bot');
    for (let i = 0; i < 150; i++) github.addComment(REPO.owner, REPO.repo, number, `reply ${i}`);
    expect(await tracker.hasComment(REPO, number, MARKER)).toBe(true);
    expect(listCalls()).toHaveLength(1);
  });

  it('answers false after reading every page when no comment holds the marker', async () => {
    const tracker = await start();
    const number = discussed(201);
    expect(await tracker.hasComment(REPO, number, MARKER)).toBe(false);
    expect(listCalls()).toHaveLength(3);
  });

  it('reads a pull request’s comments the same way', async () => {
    const tracker = await start();
    const number = discussed(3, { pullRequest: true });
    expect(await tracker.hasComment(REPO, number, MARKER)).toBe(false);
    await tracker.comment(REPO, number, `Minutes are up.\n\n${MARKER}`);
    expect(await tracker.hasComment(REPO, number, MARKER)).toBe(true);
  });

  it('fails permanently (404) for an issue that does not exist', async () => {
    const tracker = await start();
    await expect(tracker.hasComment(REPO, 404, MARKER)).rejects.toMatchObject({
      name: 'IssueTrackerError',
      failure: { kind: 'permanent', status: 404 },
    });
  });
});
