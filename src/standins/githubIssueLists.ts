import type { StoredIssue } from './githubApiServer.js';

/**
 * The stand-in's issue lists as the agenda reads them: a repository's issues filtered by
 * labels and state (`GET /repos/:o/:r/issues`, pull requests included, one page with GitHub's
 * Link header), and label searches (`label:"x" is:open repo:o/r` or `user:o`). Labels match
 * case-insensitively, as on GitHub.
 */

const hasLabel = (i: StoredIssue, label: string) =>
  i.labels.some((l) => l.toLowerCase() === label.toLowerCase());

export function listForRepo(
  all: readonly StoredIssue[],
  owner: string,
  repo: string,
  query: Readonly<Record<string, string>>,
  pageUrl: (page: number, perPage: number) => string,
): { json: StoredIssue[]; headers: Record<string, string> } {
  const wanted = (query['labels'] ?? '').split(',').filter((l) => l !== '');
  const state = query['state'] ?? 'open';
  const matching = all
    .filter(
      (i) => i.owner.toLowerCase() === owner.toLowerCase() && i.repo.toLowerCase() === repo.toLowerCase(),
    )
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => wanted.every((l) => hasLabel(i, l)))
    .sort((a, b) => (query['direction'] === 'asc' ? a.number - b.number : b.number - a.number));
  const perPage = Math.min(Math.max(Number(query['per_page'] ?? 30) || 30, 1), 100);
  const page = Math.max(Number(query['page'] ?? 1) || 1, 1);
  const last = Math.max(1, Math.ceil(matching.length / perPage));
  const links =
    page < last
      ? [`<${pageUrl(page + 1, perPage)}>; rel="next"`, `<${pageUrl(last, perPage)}>; rel="last"`]
      : [];
  return {
    json: matching.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** Whether a search query is a label search (what the agenda asks), not a marker search. */
export const isLabelSearch = (q: string): boolean => /(^|\s)label:/.test(q);

/** `label:"x" is:open repo:o/r` or `… user:o` (also `org:o`); `is:issue` / `is:pr` narrow it. */
export function labelSearch(all: readonly StoredIssue[], q: string): StoredIssue[] {
  const label = /label:(?:"([^"]*)"|(\S+))/.exec(q);
  const name = label?.[1] ?? label?.[2] ?? '';
  const repoRef = /\brepo:([^\s/]+)\/(\S+)/.exec(q);
  const owner = /\b(?:user|org):(\S+)/.exec(q)?.[1];
  return all
    .filter(
      (i) =>
        !repoRef ||
        (i.owner.toLowerCase() === repoRef[1]!.toLowerCase() &&
          i.repo.toLowerCase() === repoRef[2]!.toLowerCase()),
    )
    .filter((i) => owner === undefined || i.owner.toLowerCase() === owner.toLowerCase())
    .filter((i) => !/\bis:open\b/.test(q) || i.state === 'open')
    .filter((i) => !/\bis:issue\b/.test(q) || !i.pullRequest)
    .filter((i) => !/\bis:pr\b/.test(q) || i.pullRequest === true)
    .filter((i) => hasLabel(i, name))
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.repo.localeCompare(b.repo) || a.number - b.number);
}

/** The owners and repositories a search names (`user:`, `org:`, `repo:`), for refusing unknown ones. */
export function searchedScopes(q: string): string[] {
  return [...q.matchAll(/\b(?:user|org|repo):(\S+)/g)].map((m) => m[1]!.toLowerCase());
}
