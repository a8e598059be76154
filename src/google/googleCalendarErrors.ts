import { SharedCalendarError } from '../core/ports/sharedCalendar.js';

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/** A Calendar API answer that is not a success, as a SharedCalendarError saying whether retrying helps. */
export function toSharedCalendarError(
  status: number | undefined,
  data: unknown,
  doing: string,
): SharedCalendarError {
  const error = (data as { error?: { message?: string; errors?: { reason?: string }[] } } | undefined)?.error;
  const reasons = (error?.errors ?? [])
    .map((e) => e.reason)
    .filter((r): r is string => typeof r === 'string');
  const said = error?.message ?? (typeof data === 'string' ? data.slice(0, 200) : 'no details');
  const message = `${doing}: ${status ? `Google Calendar answered ${status}` : 'no answer from Google Calendar'} (${said})`;
  if (status === undefined || status === 408 || status === 429 || status >= 500) {
    return new SharedCalendarError('retryable', status, message);
  }
  if (status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r))) {
    return new SharedCalendarError('retryable', status, message);
  }
  if (status === 403 && reasons.includes('forbiddenForServiceAccounts')) {
    return new SharedCalendarError('cannot-invite', status, message);
  }
  if (status === 403 || status === 404) {
    return new SharedCalendarError(
      'not-shared',
      status,
      `${message}: share the calendar with the Google account, with "Make changes to events"`,
    );
  }
  return new SharedCalendarError('rejected', status, message);
}
