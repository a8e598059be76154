import type { GithubItemKind } from '../model/agendaItem.js';

/** An open issue or pull request carrying a label, as GitHub describes it. */
export interface LabelledIssue {
  /** `owner/name`, lowercase. */
  readonly repo: string;
  readonly number: number;
  readonly kind: GithubItemKind;
  readonly title: string;
  readonly url: string;
  /** Who opened it. */
  readonly login: string;
}

/** Why a source could not be read. */
export type SourceFailure =
  /** GitHub refused the query (422: an owner it does not know, a query it will not run). */
  | 'refused'
  /** The repository or owner is not there for gavel's token or app (404, 403). */
  | 'unreadable'
  /** GitHub did not answer, or answered 5xx or a rate limit: try again later. */
  | 'unavailable';

export type SourceRead =
  | {
      readonly ok: true;
      readonly items: readonly LabelledIssue[];
      /** False when there were more than `max`: the items are the first `max`, oldest first. */
      readonly complete: boolean;
      /**
       * Whether the answer comes from GitHub's search index, which lags behind: an item
       * missing from it is confirmed with `current` before it leaves the agenda.
       */
      readonly searched: boolean;
    }
  | { readonly ok: false; readonly failure: SourceFailure; readonly message: string };

/**
 * Where the agenda's GitHub items are read (src/github implements it over Octokit). A source
 * is `owner/name` or `owner/*`, as the groups file names it.
 */
export interface LabelledIssues {
  /** The source's open issues and pull requests labelled `label`, at most `max`. Never throws. */
  labelled(source: string, label: string, max: number): Promise<SourceRead>;
  /**
   * The issue as it is now, if it is open and labelled `label`; undefined when it is closed,
   * unlabelled or gone. Throws when GitHub cannot say.
   */
  current(repo: string, number: number, label: string): Promise<LabelledIssue | undefined>;
}

/** A webhook delivery about an issue or pull request (`issues`, `pull_request`), in gavel's terms. */
export interface LabelledIssueEvent {
  readonly issue: LabelledIssue;
  /** False when it is closed or was deleted. */
  readonly open: boolean;
  /** Its labels after the change. */
  readonly labels: readonly string[];
}
