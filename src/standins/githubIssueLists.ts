import type { StoredIssue } from './githubApiServer.js';

/**
 * The stand-in's issue list as the agenda reads it: a repository's issues filtered by labels
 * and state (`GET /repos/:o/:r/issues`, pull requests included, one page with GitHub's Link
 * header). Labels match case-insensitively, as on GitHub. Label searches (`label:"x" is:open
 * user:o`) are githubSearchQuery's, with every other search.
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
