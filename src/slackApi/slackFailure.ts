import { ErrorCode } from '@slack/web-api';

/**
 * Why a Web API call failed, as an operator needs to hear it: Slack answered and said no
 * (`refused`, with Slack's error code), Slack answered with an HTTP error (`http`), or no
 * answer came at all (`unreachable`: DNS, connection, TLS, timeout), which is the network's or
 * SLACK_API_URL's doing, not the token's.
 */
export type SlackFailure =
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'unreachable'; readonly reason: string };

/** Slack's answers that mean the bot token itself is wrong, revoked or for a gone workspace. */
const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'team_access_not_granted',
]);

export const isTokenRefusal = (failure: SlackFailure): boolean =>
  failure.kind === 'refused' && TOKEN_ERRORS.has(failure.error);

/** The failure a WebClient call threw, or undefined for anything that is not a Web API error. */
export function slackFailure(error: unknown): SlackFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    retryAfter?: unknown;
    original?: unknown;
  };
  switch (e.code) {
    case ErrorCode.PlatformError:
      return { kind: 'refused', error: typeof e.data?.error === 'string' ? e.data.error : 'unknown_error' };
    case ErrorCode.HTTPError:
      return { kind: 'http', status: typeof e.statusCode === 'number' ? e.statusCode : 0 };
    case ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterSeconds: typeof e.retryAfter === 'number' ? e.retryAfter : 0 };
    case ErrorCode.RequestError:
      return { kind: 'unreachable', reason: networkReason(e.original) };
    default:
      return undefined;
  }
}

/** `connection refused`, `host not found`, `no answer within the timeout`, … from fetch's error. */
function networkReason(original: unknown): string {
  const err = original as { name?: unknown; message?: unknown; cause?: unknown } | undefined;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'no answer within the timeout';
  const cause = err?.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found (DNS)';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'network unreachable';
    default:
      break;
  }
  if (code) return code;
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message;
  return typeof err?.message === 'string' ? err.message : String(original);
}

/** One sentence for a failure, naming the variable to look at: `Slack refused SLACK_BOT_TOKEN (invalid_auth)`. */
export function slackFailureText(failure: SlackFailure, slackApiUrl: string): string {
  switch (failure.kind) {
    case 'refused':
      return isTokenRefusal(failure)
        ? `Slack refused SLACK_BOT_TOKEN (${failure.error})`
        : `Slack refused the call (${failure.error})`;
    case 'http':
      return `Slack answered HTTP ${failure.status} at ${slackApiUrl}`;
    case 'rate_limited':
      return `Slack rate-limited the call (retry after ${failure.retryAfterSeconds} s)`;
    case 'unreachable':
      return `Slack could not be reached at ${slackApiUrl} (${failure.reason})`;
  }
}

/** Which setting a failure points at, and what to do about it. */
export function slackFailureFix(failure: SlackFailure): { readonly variable: string; readonly fix: string } {
  if (isTokenRefusal(failure)) {
    return {
      variable: 'SLACK_BOT_TOKEN',
      fix: 'Set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…) from api.slack.com/apps → your app → OAuth & Permissions; reinstall the app if it was revoked.',
    };
  }
  if (failure.kind === 'refused' && failure.error === 'missing_scope') {
    return {
      variable: 'SLACK_BOT_TOKEN',
      fix: 'Add the scopes in manifest.yml to the app (OAuth & Permissions) and reinstall it.',
    };
  }
  return {
    variable: 'SLACK_API_URL',
    fix: 'Check the network, DNS and any proxy between gavel and Slack, and SLACK_API_URL (default https://slack.com/api/); gavel can be restarted once Slack answers.',
  };
}
