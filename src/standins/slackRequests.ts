import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to an app in HTTP mode: form-encoded bodies signed with
 * `v0=` + HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`).
 */

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SlashCommand {
  readonly command: string;
  readonly text: string;
  readonly userId: string;
  readonly channelId: string;
  readonly responseUrl: string;
  readonly triggerId: string;
  readonly teamId?: string;
}

export interface SignOptions {
  /**
   * When the request was signed. Bolt checks the timestamp against the real clock (5-minute
   * window), so this defaults to now and is set only to test stale or forged timestamps.
   */
  readonly signedAt?: Date;
  /** Send this signature instead of the right one. */
  readonly signature?: string;
}

export interface SlackAnswer {
  readonly status: number;
  /** The parsed JSON answer, the raw text when it is not JSON, undefined for an empty ack. */
  readonly body: unknown;
}

export function slashCommandBody(cmd: SlashCommand): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: cmd.teamId ?? 'T0GAVEL',
    team_domain: 'gavel',
    channel_id: cmd.channelId,
    channel_name: 'channel',
    user_id: cmd.userId,
    user_name: cmd.userId.toLowerCase(),
    command: cmd.command,
    text: cmd.text,
    api_app_id: 'A0GAVEL',
    response_url: cmd.responseUrl,
    trigger_id: cmd.triggerId,
  }).toString();
}

export function sendSlashCommand(
  appUrl: string,
  secret: string,
  cmd: SlashCommand,
  opts: SignOptions = {},
): Promise<SlackAnswer> {
  return sendSigned(appUrl, secret, slashCommandBody(cmd), opts);
}

/** block_actions, view_submission, view_closed, shortcut and message_action payloads. */
export function sendInteraction(
  appUrl: string,
  secret: string,
  payload: Record<string, unknown>,
  opts: SignOptions = {},
): Promise<SlackAnswer> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return sendSigned(appUrl, secret, body, opts);
}

/** An Events API delivery (`event_callback`, JSON); `retryNum` marks it as Slack's retry. */
export function sendEvent(
  appUrl: string,
  secret: string,
  envelope: Record<string, unknown>,
  opts: SignOptions & { readonly retryNum?: number } = {},
): Promise<SlackAnswer> {
  const retry: Record<string, string> =
    opts.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' };
  return sendSigned(appUrl, secret, JSON.stringify(envelope), opts, 'application/json', retry);
}

export async function sendSigned(
  appUrl: string,
  secret: string,
  rawBody: string,
  opts: SignOptions = {},
  contentType = 'application/x-www-form-urlencoded',
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<SlackAnswer> {
  const timestamp = Math.floor((opts.signedAt ?? new Date()).getTime() / 1000);
  const res = await fetch(`${appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      ...extraHeaders,
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(secret, timestamp, rawBody),
    },
    body: rawBody,
  });
  const text = await res.text();
  return { status: res.status, body: parseAnswer(text) };
}

function parseAnswer(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
