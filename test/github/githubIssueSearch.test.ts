import { afterEach, describe, expect, it } from 'vitest';
import { IssueSearchError } from '../../src/core/ports/issueSearch.js';
import { createGithubClient } from '../../src/github/githubClient.js';
import { githubIssueSearch } from '../../src/github/githubIssueSearch.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { silentLogger } from '../support/databases.js';

const TOKEN = 'ghp_issuesearchtest00000000000000000000';

describe('IssueSearch.count over Octokit (the GitHub stand-in)', () => {
  let github: GithubApiServer;
  afterEach(async () => {
    await github.close();
  });

  const start = async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    const octokit = createGithubClient({
      auth: { kind: 'token', token: TOKEN },
      apiUrl: github.url,
      log: silentLogger,
      retryAfterBaseValue: 1,
    });
    return githubIssueSearch(octokit);
  };

  it("reads GitHub's total_count, asking for one item only", async () => {
    const search = await start();
    for (const labels of [['wg-agenda'], ['wg-agenda'], []]) {
      github.addIssue({ owner: 'cloudevents', repo: 'spec', pullRequest: true, labels });
    }
    github.addIssue({ owner: 'cloudevents', repo: 'spec', labels: ['wg-agenda'] });
    github.addIssue({
      owner: 'cloudevents',
      repo: 'spec',
      pullRequest: true,
      labels: ['wg-agenda'],
      state: 'closed',
    });
    expect(await search.count('is:pr is:open label:wg-agenda repo:cloudevents/spec')).toBe(2);
    expect(await search.count('label:wg-agenda org:cloudevents')).toBe(4);
    expect(await search.count('is:open -label:wg-agenda repo:cloudevents/spec')).toBe(1);
    expect(github.callsTo('search.issues').every((c) => c.query['per_page'] === '1')).toBe(true);
    github.setSearchTotal('is:pr is:open review:required repo:cloudevents/spec', 7);
    expect(await search.count('is:pr is:open review:required repo:cloudevents/spec')).toBe(7);
  });

  it("says a query GitHub refuses is refused, in GitHub's words, and a GitHub that fails is unavailable", async () => {
    const search = await start();
    github.refuseSearch('repo:cloudevents/nonexistent');
    await expect(search.count('repo:cloudevents/nonexistent')).rejects.toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('cannot be searched') as unknown,
    });
    github.fail({ op: 'search.issues', kind: 'status', status: 503, times: 10 });
    const failure = await search.count('is:open').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IssueSearchError);
    expect(failure).toMatchObject({ kind: 'unavailable' });
  });
});
