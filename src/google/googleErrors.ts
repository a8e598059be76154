import { MinutesDocsError } from '../core/ports/minutesDocs.js';

/** 403 reasons that mean "slow down", not "not allowed" (Drive reports some quotas as 403). */
const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'sharingRateLimitExceeded',
]);
/** 403 reasons that are the operator's set-up (the API not enabled), not the document's sharing. */
const PROJECT_REASONS = new Set(['accessNotConfigured', 'SERVICE_DISABLED']);

interface GoogleErrorBody {
  readonly error?: {
    readonly message?: string;
    readonly status?: string;
    readonly errors?: readonly { readonly reason?: string }[];
    readonly details?: readonly { readonly reason?: string }[];
  };
}

/** The HTTP status of a failed client call, if the server answered. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Turns a failed Drive/Docs call into a MinutesDocsError that says whether retrying helps:
 * 429, 408 and 5xx (and no answer at all) are retryable; 404, and 403 for a document, mean it
 * is missing or not shared; storageQuotaExceeded means the account cannot own files.
 */
export function toMinutesDocsError(error: unknown, doing: string): MinutesDocsError {
  if (error instanceof MinutesDocsError) return error;
  const status = statusOf(error);
  const body = parsedBody((error as { response?: { data?: unknown } }).response?.data);
  const reasons = [
    ...(body?.error?.errors ?? []).map((e) => e.reason),
    ...(body?.error?.details ?? []).map((d) => d.reason),
  ].filter((r): r is string => typeof r === 'string');
  const said = body?.error?.message ?? (error instanceof Error ? error.message : String(error));
  const message = `${doing}: ${status ? `Google answered ${status}` : 'no answer from Google'} (${said})`;
  if (status === undefined || status === 408 || status === 429 || status >= 500) {
    return new MinutesDocsError('retryable', status, message);
  }
  if (status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r))) {
    return new MinutesDocsError('retryable', status, message);
  }
  if (status === 403 && reasons.includes('storageQuotaExceeded')) {
    return new MinutesDocsError('no-storage', status, message);
  }
  if (status === 404 || (status === 403 && !reasons.some((r) => PROJECT_REASONS.has(r)))) {
    return new MinutesDocsError('not-shared', status, message);
  }
  return new MinutesDocsError('rejected', status, message);
}

/** The error body, also when it came as text (a call that asked for text, like an export). */
function parsedBody(data: unknown): GoogleErrorBody | undefined {
  if (typeof data !== 'string') return data as GoogleErrorBody | undefined;
  try {
    return JSON.parse(data) as GoogleErrorBody;
  } catch {
    return undefined;
  }
}
