/**
 * The part of GitHub's issue search syntax the stand-in understands, enough for gavel's own
 * searches, the agenda's label searches and its counts: `"a phrase"`, `in:body`, `repo:o/r`, `org:o` / `user:o`,
 * `is:issue|pr|open|closed`, `type:issue|pr`, `state:open|closed`, `label:x` (`label:"a b"`)
 * and `-label:x`. Any other qualifier (`review:required`, `author:…`) matches everything: a
 * test that needs one gives the stand-in the total to answer (setSearchTotal).
 */
export interface SearchableIssue {
  readonly owner: string;
  readonly repo: string;
  readonly title: string;
  readonly body: string;
  readonly state: 'open' | 'closed';
  readonly labels: readonly string[];
  readonly pullRequest?: boolean;
}

const TERM = /(-?)([a-z]+):("[^"]*"|\S+)|"([^"]*)"/gi;

export function matchesSearchQuery(issue: SearchableIssue, q: string): boolean {
  const inBody = /(?:^|\s)in:body(?:\s|$)/i.test(q);
  for (const m of q.matchAll(TERM)) {
    const [, negated, qualifier, rawValue, phrase] = m;
    if (phrase !== undefined) {
      const found = issue.body.includes(phrase) || (!inBody && issue.title.includes(phrase));
      if (phrase !== '' && !found) return false;
      continue;
    }
    const value = rawValue!.replace(/^"|"$/g, '');
    const holds = qualifierHolds(issue, qualifier!.toLowerCase(), value);
    if (holds !== undefined && holds === (negated === '-')) return false;
  }
  return true;
}

/** Undefined: a qualifier the stand-in does not know, which filters nothing. */
function qualifierHolds(i: SearchableIssue, qualifier: string, value: string): boolean | undefined {
  const v = value.toLowerCase();
  switch (qualifier) {
    case 'repo':
      return `${i.owner}/${i.repo}`.toLowerCase() === v;
    case 'org':
    case 'user':
      return i.owner.toLowerCase() === v;
    case 'label':
      return i.labels.some((l) => l.toLowerCase() === v);
    case 'state':
      return i.state === v;
    case 'is':
    case 'type':
      if (v === 'pr') return i.pullRequest === true;
      if (v === 'issue') return i.pullRequest !== true;
      if (v === 'open' || v === 'closed') return i.state === v;
      return undefined;
    default:
      return undefined;
  }
}

/** The owners and repositories a search names (`user:`, `org:`, `repo:`), for refusing hidden ones. */
export function searchedScopes(q: string): string[] {
  return [...q.matchAll(/\b(?:user|org|repo):(\S+)/g)].map((m) => m[1]!.toLowerCase());
}
