import type {
  LabelledIssue,
  LabelledIssues,
  SourceFailure,
  SourceRead,
} from '../core/ports/labelledIssues.js';
import type { IssueTrackerFailure } from '../core/ports/issueTracker.js';
import type { GithubOctokit } from './githubClient.js';
import { toIssueTrackerError } from './githubErrors.js';

/** What GitHub's list and search answers hold of an issue (the fields read here). */
interface IssueData {
  readonly number: number;
  readonly title: string;
  readonly html_url: string;
  readonly state?: string;
  readonly repository_url?: string;
  readonly pull_request?: unknown;
  readonly user?: { readonly login?: string } | null;
  readonly labels?: readonly (string | { readonly name?: string | undefined })[];
}

/**
 * The agenda's labelled issues and pull requests over Octokit. One repository is read with
 * the issues list (`labels=` and `state=open`: consistent, one request); `owner/*` with one
 * search (`label:"…" is:open user:owner`), which lags behind, so the use case confirms
 * what it misses. Either way at most one page of 100: the agenda takes no more.
 */
export function githubLabelledIssues(octokit: GithubOctokit): LabelledIssues {
  return {
    async labelled(source, label, max) {
      const [owner = '', repo = '*'] = source.split('/');
      const perPage = Math.min(Math.max(max, 1), 100);
      try {
        if (repo !== '*') {
          const res = await octokit.rest.issues.listForRepo({
            owner,
            repo,
            labels: label,
            state: 'open',
            sort: 'created',
            direction: 'asc',
            per_page: perPage,
          });
          const more = /rel="next"/.test(res.headers.link ?? '');
          return read(res.data, !more && res.data.length <= max, false);
        }
        const { data } = await octokit.rest.search.issuesAndPullRequests({
          q: `label:"${label}" is:open user:${owner}`,
          sort: 'created',
          order: 'asc',
          per_page: perPage,
        });
        return read(data.items, data.total_count <= max && !data.incomplete_results, true);
      } catch (error) {
        const { failure, message } = toIssueTrackerError(error);
        return {
          ok: false,
          failure: failureOf(failure),
          message: message.replace(/\. GitHub refused.*$/, ''),
        };
      }
    },

    async current(repo, number, label) {
      const [owner = '', name = ''] = repo.split('/');
      try {
        const { data } = await octokit.rest.issues.get({ owner, repo: name, issue_number: number });
        const labelled = data.labels.some((l) => sameLabel(typeof l === 'string' ? l : l.name, label));
        return data.state === 'open' && labelled ? toLabelled(data, repo) : undefined;
      } catch (error) {
        const e = toIssueTrackerError(error);
        // Deleted, transferred away, or no longer readable: it is not on the agenda.
        if (e.failure.kind === 'permanent' && [404, 410].includes(e.failure.status)) return undefined;
        throw e;
      }
    },
  };
}

function read(items: readonly IssueData[], complete: boolean, searched: boolean): SourceRead {
  return {
    ok: true,
    items: items.flatMap((i) => {
      const repo = repoOf(i);
      return repo ? [toLabelled(i, repo)] : [];
    }),
    complete,
    searched,
  };
}

function toLabelled(i: IssueData, repo: string): LabelledIssue {
  return {
    repo: repo.toLowerCase(),
    number: i.number,
    kind: i.pull_request ? 'pull-request' : 'issue',
    title: i.title,
    url: i.html_url,
    login: i.user?.login ?? 'ghost',
  };
}

/** `owner/name` from the issue's API address (`…/repos/owner/name`), which both answers carry. */
function repoOf(i: IssueData): string | undefined {
  const m = /\/repos\/([^/]+\/[^/]+)$/.exec(i.repository_url ?? '');
  return m?.[1];
}

const sameLabel = (a: string | undefined, b: string) =>
  a !== undefined && a.toLowerCase() === b.toLowerCase();

function failureOf(failure: IssueTrackerFailure): SourceFailure {
  if (failure.kind !== 'permanent') return 'unavailable';
  return failure.status === 422 ? 'refused' : 'unreadable';
}
