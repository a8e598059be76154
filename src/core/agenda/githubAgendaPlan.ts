import type { AgendaGithubSettings, Group } from '../group.js';
import type { SlackUserId } from '../ids.js';
import type { GithubAgendaRef } from '../model/agendaItem.js';
import type { LabelledIssue, SourceRead } from '../ports/labelledIssues.js';

/** The most GitHub items one group's agenda takes; beyond it a source is read no further. */
export const GITHUB_AGENDA_MAX = 100;

/** Whether a source (`owner/name` or `owner/*`) takes in the repository `owner/name`. */
export function sourceCovers(source: string, repo: string): boolean {
  const [owner = '', name = ''] = source.toLowerCase().split('/');
  const [rOwner = '', rName = ''] = repo.toLowerCase().split('/');
  return owner === rOwner && (name === '*' || name === rName);
}

export const coveredBy = (settings: AgendaGithubSettings, repo: string): boolean =>
  settings.repos.some((s) => sourceCovers(s, repo));

export const sameLabel = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The Slack user whose GitHub login (`github_logins`, `people`) this is, if anyone's. */
export function slackUserOfLogin(group: Pick<Group, 'githubLogins'>, login: string): SlackUserId | null {
  const lower = login.toLowerCase();
  const hit = Object.entries(group.githubLogins).find(([, l]) => l.toLowerCase() === lower);
  return hit ? (hit[0] as SlackUserId) : null;
}

const keyOf = (i: { readonly repo: string; readonly number: number }) => `${i.repo}#${i.number}`;

/** What one sync does to a group's open GitHub items, and what it tells the operators. */
export interface GithubAgendaPlan {
  /** On the agenda: added or brought up to date. At most GITHUB_AGENDA_MAX, no issue twice. */
  readonly present: readonly LabelledIssue[];
  /** Open items whose issue is no longer labelled, open, or in a configured source: they leave. */
  readonly gone: readonly GithubAgendaRef[];
  /** Open items a search did not find: asked about one by one before they leave (its index lags). */
  readonly confirm: readonly GithubAgendaRef[];
  /** One line per source that could not be read, and for too many items: `<path>: …`. */
  readonly problems: readonly string[];
  /** A source did not answer: the sync is tried again later. */
  readonly retry: boolean;
}

/**
 * Compares what GitHub said of each source with the open items. A source that failed, or
 * had more than the agenda takes, says nothing about what is missing from it: its items
 * stay as last known. Pure.
 */
export function githubAgendaPlan(input: {
  /** Where the settings are, for the problem lines: `groups.<id>.agenda.github`. */
  readonly path: string;
  readonly settings: AgendaGithubSettings;
  /** One read per source, in the settings' order. */
  readonly reads: readonly SourceRead[];
  readonly open: readonly GithubAgendaRef[];
  readonly max?: number;
}): GithubAgendaPlan {
  const { path, settings } = input;
  const max = input.max ?? GITHUB_AGENDA_MAX;
  const present: LabelledIssue[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  /** Sources whose answer was whole and wholly taken in: only they can say an item left. */
  const whole = new Map<string, { readonly searched: boolean }>();
  let over = false;
  for (const [i, source] of settings.repos.entries()) {
    const read = input.reads[i];
    if (!read) continue;
    if (!read.ok) {
      problems.push(`${path}.repos[${i}]: ${failureText(source, read.failure, read.message)}`);
      continue;
    }
    for (const issue of read.items) {
      const key = keyOf(issue);
      if (seen.has(key) || present.length >= max) continue;
      seen.add(key);
      present.push(issue);
    }
    // Cut short by GitHub's page or by the agenda's bound: what is missing says nothing.
    const cut = !read.complete || read.items.some((issue) => !seen.has(keyOf(issue)));
    if (cut) over = true;
    else whole.set(source, { searched: read.searched });
  }
  if (over) {
    problems.push(
      `${path}: more than ${max} open issues and pull requests are labelled "${settings.label}"; the agenda takes the first ${max} (oldest first). Label fewer, or name fewer repositories.`,
    );
  }
  const gone: GithubAgendaRef[] = [];
  const confirm: GithubAgendaRef[] = [];
  for (const item of input.open) {
    if (seen.has(keyOf(item))) continue;
    const sources = settings.repos.filter((s) => sourceCovers(s, item.repo));
    if (sources.length === 0) {
      gone.push(item);
      continue;
    }
    const answers = sources.flatMap((s) => {
      const w = whole.get(s);
      return w ? [w] : [];
    });
    if (answers.some((a) => !a.searched)) gone.push(item);
    else if (answers.length > 0) confirm.push(item);
  }
  return {
    present,
    gone,
    confirm,
    problems,
    retry: input.reads.some((r) => !r.ok && r.failure === 'unavailable'),
  };
}

function failureText(
  source: string,
  failure: 'refused' | 'unreadable' | 'unavailable',
  said: string,
): string {
  switch (failure) {
    case 'refused':
      return `GitHub refused to search ${source} (${said}); check the owner's name and the label`;
    case 'unreadable':
      return `gavel cannot read ${source} (${said}); check the name, and that gavel's token or GitHub App may read it`;
    case 'unavailable':
      return `GitHub did not answer for ${source} (${said}); its items stay as last known, and gavel tries again`;
  }
}
