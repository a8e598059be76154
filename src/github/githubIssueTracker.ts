import type { IssueRef, IssueTracker, RepoRef } from '../core/ports/issueTracker.js';
import type { GithubOctokit } from './githubClient.js';
import { toIssueTrackerError } from './githubErrors.js';

/** The IssueTracker port over Octokit; every failure becomes an IssueTrackerError. */
export function githubIssueTracker(octokit: GithubOctokit, opts: { webhooks: boolean }): IssueTracker {
  const call = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (error) {
      throw toIssueTrackerError(error);
    }
  };
  return {
    webhooks: opts.webhooks,
    create: (repo, issue) =>
      call(async () => {
        const { data } = await octokit.rest.issues.create({
          ...repo,
          title: issue.title,
          body: issue.body,
          labels: [...issue.labels],
          assignees: [...issue.assignees],
          // One request, never repeated here: a 502 may hide an issue that was created.
          request: { retries: 0 },
        });
        return issueRef(data);
      }),

    findByMarker: (repo, marker) =>
      call(async () => {
        const { data } = await octokit.rest.search.issuesAndPullRequests({
          q: `"${marker}" repo:${repo.owner}/${repo.repo} in:body`,
          per_page: 10,
        });
        // Search matches words, not the exact text: confirm the marker is really there.
        const hit = data.items
          .filter((i) => (i.body ?? '').includes(marker) && !i.pull_request)
          .sort((a, b) => a.number - b.number)[0];
        return hit ? issueRef(hit) : undefined;
      }),

    get: (repo, number) =>
      call(async () => issueRef((await octokit.rest.issues.get({ ...repo, issue_number: number })).data)),

    setState: (repo: RepoRef, number, state) =>
      call(async () => {
        await octokit.rest.issues.update({
          ...repo,
          issue_number: number,
          state,
          ...(state === 'closed' ? { state_reason: 'completed' as const } : {}),
        });
      }),

    comment: (repo, number, body) =>
      call(async () => {
        await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
      }),

    hasComment: (repo, number, marker) =>
      call(async () => {
        const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: number,
          per_page: 100,
        });
        // Page by page, so a marker near the start spares reading a long discussion to its end.
        for await (const { data } of pages) {
          if (data.some((c) => (c.body ?? '').includes(marker))) return true;
        }
        return false;
      }),
  };
}

const issueRef = (data: { number: number; html_url: string; state: string }): IssueRef => ({
  number: data.number,
  url: data.html_url,
  state: data.state === 'closed' ? 'closed' : 'open',
});
