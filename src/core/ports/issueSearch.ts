/**
 * Counting issues and pull requests that match a search (GitHub's `GET /search/issues`,
 * total_count). Implemented in src/github; failures are IssueSearchErrors.
 */
export interface IssueSearch {
  count(query: string): Promise<number>;
}

export class IssueSearchError extends Error {
  override readonly name = 'IssueSearchError';
  constructor(
    /** `refused`: GitHub rejected the query (422): it will refuse it again until it is fixed. */
    readonly kind: 'refused' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export const isIssueSearchError = (e: unknown): e is IssueSearchError => e instanceof IssueSearchError;
