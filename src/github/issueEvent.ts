import type { IssueEvent } from '../core/ports/issueTracker.js';

/** An `issues` closed/reopened delivery, or undefined for anything gavel does not act on. */
export function parseIssueEvent(eventName: string | undefined, payload: unknown): IssueEvent | undefined {
  if (eventName !== 'issues') return undefined;
  const p = payload as {
    action?: unknown;
    issue?: { number?: unknown; body?: unknown };
    repository?: { name?: unknown; owner?: { login?: unknown } };
  } | null;
  const action = p?.action;
  const number = p?.issue?.number;
  const owner = p?.repository?.owner?.login;
  const repo = p?.repository?.name;
  if (action !== 'closed' && action !== 'reopened') return undefined;
  // Issue numbers are stored in 32-bit integer columns: a larger one is no issue of ours, and
  // PostgreSQL would refuse to compare with it.
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 2 ** 31 - 1) {
    return undefined;
  }
  if (typeof owner !== 'string' || typeof repo !== 'string') return undefined;
  const body = typeof p?.issue?.body === 'string' ? p.issue.body : null;
  return { action, owner, repo, number, body };
}
