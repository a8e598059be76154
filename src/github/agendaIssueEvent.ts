import type { LabelledIssueEvent } from '../core/ports/labelledIssues.js';

/** The actions that can put an issue on an agenda, take it off, or rename it. */
const ACTIONS = new Set([
  'opened',
  'labeled',
  'unlabeled',
  'closed',
  'reopened',
  'edited',
  'deleted',
  'transferred',
]);
/** Gone from its repository: deleted, or moved to another one (which sends its own `opened`). */
const GONE = new Set(['deleted', 'transferred']);

interface Payload {
  readonly action?: unknown;
  readonly issue?: unknown;
  readonly pull_request?: unknown;
  readonly repository?: { readonly full_name?: unknown } | null;
}

interface IssueLike {
  readonly number?: unknown;
  readonly title?: unknown;
  readonly html_url?: unknown;
  readonly state?: unknown;
  readonly user?: { readonly login?: unknown } | null;
  readonly labels?: unknown;
  readonly pull_request?: unknown;
}

/**
 * An `issues` or `pull_request` delivery as the agenda needs it: the issue as it is after the
 * change (open, labels, title). Undefined for other events and actions, and for payloads
 * that are not what GitHub sends.
 */
export function parseAgendaIssueEvent(
  eventName: string | undefined,
  payload: unknown,
): LabelledIssueEvent | undefined {
  if (eventName !== 'issues' && eventName !== 'pull_request') return undefined;
  const p = (payload ?? {}) as Payload;
  if (typeof p.action !== 'string' || !ACTIONS.has(p.action)) return undefined;
  const raw = (eventName === 'issues' ? p.issue : p.pull_request) as IssueLike | undefined;
  const repo = p.repository?.full_name;
  const number = raw?.number;
  if (!raw || typeof repo !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(repo)) return undefined;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 2 ** 31 - 1)
    return undefined;
  if (typeof raw.title !== 'string' || typeof raw.html_url !== 'string') return undefined;
  const labels = Array.isArray(raw.labels)
    ? raw.labels.flatMap((l: unknown) => {
        const name = typeof l === 'string' ? l : (l as { name?: unknown } | null)?.name;
        return typeof name === 'string' ? [name] : [];
      })
    : [];
  const login = raw.user?.login;
  return {
    issue: {
      repo: repo.toLowerCase(),
      number,
      kind: eventName === 'pull_request' || raw.pull_request ? 'pull-request' : 'issue',
      title: raw.title,
      url: raw.html_url,
      login: typeof login === 'string' ? login : 'ghost',
    },
    open: raw.state === 'open' && !GONE.has(p.action),
    labels,
  };
}
