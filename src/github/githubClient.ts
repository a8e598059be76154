import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { GithubAuth } from '../core/settings/integrationSettings.js';
import type { Log } from '../core/ports/log.js';

const GithubOctokit = Octokit.plugin(retry, throttling);
export type GithubOctokit = InstanceType<typeof GithubOctokit>;

export interface GithubClientOptions {
  readonly auth: GithubAuth;
  /** https://api.github.com, or GitHub Enterprise Server's `https://host/api/v3`. */
  readonly apiUrl: string;
  readonly log: Log;
  /**
   * Milliseconds per second of the waits the plugins ask for (Retry-After, retry backoff).
   * 1000 in production; tests shrink it so a rate limit is waited out in milliseconds.
   */
  readonly retryAfterBaseValue?: number;
  /** How long one request may take before it counts as failed (and is retried); default 10 s. */
  readonly timeoutMs?: number;
  /** The transport (default the global fetch): the composition root's hook that counts calls. */
  readonly fetch?: typeof fetch;
}

/** Rate limits waited out in-process up to this long; beyond it the job queue's backoff takes over. */
const MAX_WAIT_SECONDS = 60;
const MAX_LIMIT_RETRIES = 3;

/**
 * Octokit with the retry plugin (5xx and network errors on reads and updates) and the
 * throttling plugin (spaces writes as GitHub asks and waits out primary and secondary rate
 * limits). Authenticated with a token or as a GitHub App installation.
 */
export function createGithubClient(opts: GithubClientOptions): GithubOctokit {
  const log = opts.log.child({ component: 'github' });
  const wait =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
      const ok = retryAfter <= MAX_WAIT_SECONDS && retryCount < MAX_LIMIT_RETRIES;
      log.warn(
        { kind, retryAfter, retryCount, method: options.method, url: options.url, waiting: ok },
        'GitHub rate limit',
      );
      return ok;
    };
  const base = opts.retryAfterBaseValue ?? 1000;
  return new GithubOctokit({
    baseUrl: opts.apiUrl.replace(/\/+$/, ''),
    userAgent: 'gavel',
    ...(opts.auth.kind === 'token'
      ? { auth: opts.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: {
            appId: opts.auth.appId,
            privateKey: opts.auth.privateKey,
            installationId: opts.auth.installationId,
          },
        }),
    // Octokit has no timeout of its own: a GitHub that accepts the connection and never
    // answers would hold the job (and the worker's lane) forever.
    request: { fetch: fetchWithTimeout(opts.timeoutMs ?? 10_000, opts.fetch ?? fetch) },
    retry: { retryAfterBaseValue: base },
    throttle: {
      // Separate limiters per client: two apps in one process (tests) never pace each other.
      id: `gavel-${Math.random().toString(36).slice(2)}`,
      retryAfterBaseValue: base,
      onRateLimit: wait('primary'),
      onSecondaryRateLimit: wait('secondary'),
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.error(message),
    },
  });
}

function fetchWithTimeout(ms: number, transport: typeof fetch): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return transport(input, { ...init, signal });
  };
}
