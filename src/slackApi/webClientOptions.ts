import type { FetchFunction, WebClientOptions } from '@slack/web-api';

/**
 * How gavel's Web API clients (Bolt's, and the one behind the SlackWorkspace port) talk to
 * Slack. WebClient's defaults are no timeout and ten retries over about 30 minutes: a hung or
 * failing Slack would then hold a job (and its renewed lease) for half an hour, and a
 * reminder would miss its minute. A few quick retries here, then the job queue's backoff.
 */
export function webClientOptions(opts: {
  readonly slackApiUrl: string;
  /** How long one call may take before it counts as failed (default 10 s). */
  readonly timeoutMs?: number;
  /** The first wait before the client retries a failed call (default 1 s; tests shrink it). */
  readonly retryBaseMs?: number;
  /** The transport (default the global fetch): the composition root's hook that counts calls. */
  readonly fetch?: FetchFunction;
}): WebClientOptions {
  const base = opts.retryBaseMs ?? 1000;
  return {
    slackApiUrl: opts.slackApiUrl,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    timeout: opts.timeoutMs ?? 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: base, maxTimeout: 5 * base, randomize: true },
  };
}
