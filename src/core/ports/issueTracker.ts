/** A repository on GitHub (or GitHub Enterprise Server). */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface IssueRef {
  readonly number: number;
  readonly url: string;
  readonly state: 'open' | 'closed';
}

export interface NewIssue {
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
}

/**
 * Where action items are followed up. Implemented over Octokit in src/github; the use cases
 * only see this. Failures are IssueTrackerErrors that say whether retrying helps.
 */
export interface IssueTracker {
  /**
   * Whether GitHub tells gavel when an issue is closed or reopened (a webhook secret is set and
   * deliveries arrive at /github/webhook). Without it, open items are reconciled by polling.
   */
  readonly webhooks: boolean;
  /**
   * Creates the issue with exactly one request: issue creation is not idempotent, so the
   * caller (a durable job) decides about retries after looking for its marker.
   */
  create(repo: RepoRef, issue: NewIssue): Promise<IssueRef>;
  /** The issue whose body holds `marker`, if the search index has it. */
  findByMarker(repo: RepoRef, marker: string): Promise<IssueRef | undefined>;
  get(repo: RepoRef, number: number): Promise<IssueRef>;
  setState(repo: RepoRef, number: number, state: 'open' | 'closed'): Promise<void>;
  comment(repo: RepoRef, number: number, body: string): Promise<void>;
  /** Whether a comment on the issue or pull request holds `marker` (all pages are read). */
  hasComment(repo: RepoRef, number: number, marker: string): Promise<boolean>;
}

export type IssueTrackerFailure =
  /** 422 on `assignees`: someone cannot be assigned (no access). `logins`: the ones named, if any. */
  | { readonly kind: 'invalid-assignees'; readonly logins: readonly string[] }
  /** Retrying cannot help: 401, 404, 410, other 422s. */
  | { readonly kind: 'permanent'; readonly status: number }
  /** 5xx, network, rate limits beyond the waits we accept: try again later. */
  | { readonly kind: 'transient'; readonly status: number | undefined };

export class IssueTrackerError extends Error {
  override readonly name = 'IssueTrackerError';
  constructor(
    readonly failure: IssueTrackerFailure,
    message: string,
  ) {
    super(message);
  }
}

export const isIssueTrackerError = (e: unknown): e is IssueTrackerError => e instanceof IssueTrackerError;

/** An issue closed or reopened on the tracker's side (GitHub's `issues` webhook), in gavel's terms. */
export interface IssueEvent {
  readonly action: 'closed' | 'reopened';
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly body: string | null;
}
