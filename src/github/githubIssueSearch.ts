import { IssueSearchError, type IssueSearch } from '../core/ports/issueSearch.js';
import type { GithubOctokit } from './githubClient.js';

/**
 * The IssueSearch port over GitHub's search API: one request per count (per_page 1, only
 * total_count is read). A 422 is GitHub refusing the query, said in GitHub's own words; anything
 * else (5xx after the retry plugin's tries, a timeout, rate limits beyond the waits) is
 * "unavailable".
 */
export function githubIssueSearch(octokit: GithubOctokit): IssueSearch {
  return {
    async count(query) {
      try {
        const { data } = await octokit.rest.search.issuesAndPullRequests({ q: query, per_page: 1 });
        return data.total_count;
      } catch (error) {
        const e = (error ?? {}) as { status?: number; message?: string; response?: { data?: unknown } };
        if (e.status === 422) throw new IssueSearchError('refused', refusal(e.response?.data, e.message));
        const status = typeof e.status === 'number' ? ` ${e.status}` : '';
        throw new IssueSearchError(
          'unavailable',
          `GitHub search${status} failed: ${String(e.message ?? error).slice(0, 200)}`,
        );
      }
    },
  };
}

/** GitHub explains a refused search in `errors[].message`. */
function refusal(data: unknown, fallback: string | undefined): string {
  const errors = (data as { errors?: unknown } | undefined)?.errors;
  const said = Array.isArray(errors)
    ? errors.flatMap((x) =>
        typeof (x as { message?: unknown }).message === 'string' ? [(x as { message: string }).message] : [],
      )
    : [];
  return (said.length > 0 ? said.join('; ') : (fallback ?? 'Validation Failed')).slice(0, 300);
}
