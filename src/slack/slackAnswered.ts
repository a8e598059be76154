import { ErrorCode } from '@slack/web-api';

/**
 * Whether a failed Web API call got an answer from Slack (an error, an HTTP status, a 429):
 * then Slack did not act on it. A timeout or a broken connection says nothing either way.
 */
export function slackAnswered(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === ErrorCode.PlatformError || code === ErrorCode.HTTPError || code === ErrorCode.RateLimitedError
  );
}
