import type { GithubSettings } from '../group.js';
import type { IssueReference } from '../model/meetingRecord.js';

/**
 * The GitHub issue or pull request a decision names. GitHub's charsets: an owner is 1–39
 * letters, digits or hyphens, not starting with a hyphen; a repository is 1–100 letters,
 * digits, `.`, `_` or `-`, never `.` or `..`.
 */
const OWNER = '[A-Za-z0-9][A-Za-z0-9-]{0,38}';
const REPO = '[A-Za-z0-9._-]{1,100}';
const NUMBER = '\\d{1,10}';
export const ISSUE_NUMBER_MAX = 1_000_000_000;

/**
 * Either a github.com URL (bare, or inside Slack's `<…>` and `<…|label>`; `/pull/12/files` and
 * `#issuecomment-…` tails allowed) or the short `owner/repo#12`. The short form must not follow
 * a word, dot, slash or colon, so the fragment of some other site's URL is not taken for one.
 */
const REFERENCE = new RegExp(
  [
    `https?://(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/(?:issues|pull)/(${NUMBER})(?![\\w-])`,
    `(?<![\\w./:#-])(${OWNER})/(${REPO})#(${NUMBER})(?![\\w-])`,
  ].join('|'),
  'gi',
);

/** The first issue or pull request the text names, or undefined. */
export function findIssueReference(text: string): IssueReference | undefined {
  for (const m of text.matchAll(REFERENCE)) {
    const [owner, repo, digits] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const ref = reference(owner!, repo!, digits!);
    if (ref) return ref;
  }
  return undefined;
}

function reference(owner: string, repo: string, digits: string): IssueReference | undefined {
  const number = Number(digits);
  if (repo === '.' || repo === '..' || number < 1 || number > ISSUE_NUMBER_MAX) return undefined;
  return { owner, repo, number };
}

/**
 * Whether a decision may name this issue: it lives in the group's own repository or one of
 * `otherRepos` (`owner/name`, or `owner/*` for all of an owner's). GitHub names are
 * case-insensitive.
 */
export function repoAllowed(github: GithubSettings | undefined, ref: IssueReference): boolean {
  if (!github) return false;
  const owner = ref.owner.toLowerCase();
  const full = `${owner}/${ref.repo.toLowerCase()}`;
  const allowed = [`${github.owner}/${github.repo}`, ...github.otherRepos].map((r) => r.trim().toLowerCase());
  return allowed.some((r) => r === full || r === `${owner}/*`);
}

export const formatReference = (ref: IssueReference): string => `${ref.owner}/${ref.repo}#${ref.number}`;

/** GitHub redirects `/issues/n` to `/pull/n` for a pull request, so one form serves both. */
export const referenceUrl = (ref: IssueReference): string =>
  `https://github.com/${ref.owner}/${ref.repo}/issues/${ref.number}`;
