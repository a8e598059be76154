import { IssueTrackerError } from '../core/ports/issueTracker.js';

interface RequestErrorLike {
  readonly status?: number;
  readonly message?: string;
  readonly response?: {
    readonly headers?: Readonly<Record<string, string | number | undefined>>;
    readonly data?: unknown;
  };
}

/**
 * What an Octokit failure means for the caller. By the time an error gets here the plugins
 * have already retried what they could (5xx, waited-out rate limits).
 */
export function toIssueTrackerError(error: unknown): IssueTrackerError {
  if (error instanceof IssueTrackerError) return error;
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const said = String(e.message ?? error).slice(0, 300);
  const message = `GitHub ${status ?? 'request'} failed: ${said}`;
  if (status === 422) {
    const errors = validationErrors(e.response?.data);
    const assignees = errors.filter((x) => x.field === 'assignees');
    if (assignees.length > 0) {
      const logins = assignees.flatMap((x) => (typeof x.value === 'string' ? [x.value] : []));
      return new IssueTrackerError({ kind: 'invalid-assignees', logins }, message);
    }
    if (/protected branch/i.test(said)) {
      return new IssueTrackerError(
        { kind: 'permanent', status },
        `${message}. The branch is protected: let gavel publish through a pull request from a branch of its own, or allow its token or app to push there.`,
      );
    }
    return new IssueTrackerError({ kind: 'permanent', status }, message);
  }
  if (status === 403 && !isRateLimit(e)) {
    // Retrying cannot help; the fix is a permission someone with admin rights grants.
    return new IssueTrackerError(
      { kind: 'permanent', status },
      `${message}. GitHub refused gavel's token or app: give it write access to the repository (issues, contents and pull requests).`,
    );
  }
  if (status !== undefined && [400, 401, 404, 410, 451].includes(status)) {
    return new IssueTrackerError({ kind: 'permanent', status }, message);
  }
  return new IssueTrackerError({ kind: 'transient', status }, message);
}

function validationErrors(data: unknown): { field?: unknown; value?: unknown }[] {
  const errors = (data as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) ? (errors as { field?: unknown; value?: unknown }[]) : [];
}

function isRateLimit(e: RequestErrorLike): boolean {
  return (
    /\brate limit\b/i.test(e.message ?? '') ||
    String(e.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0'
  );
}
