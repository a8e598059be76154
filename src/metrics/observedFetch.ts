import {
  type CallOutcome,
  callOutcomeOfStatus,
  type RemoteService,
  type Telemetry,
} from '../core/ports/telemetry.js';

/**
 * The global fetch, counting each call's outcome for `service`: the hook the Slack, GitHub
 * and Google clients are given as their transport, so every attempt (their own retries
 * included) is counted where it goes out. Slack answers most refusals with HTTP 200 and
 * `ok: false`, so for Slack the body of a 200 is read too (from a copy: the client reads the
 * answer as it would have).
 */
export function observedFetch(
  service: RemoteService,
  telemetry: Pick<Telemetry, 'remoteCall'>,
  transport: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await transport(input, init);
    } catch (error) {
      telemetry.remoteCall(service, isTimeout(error, init?.signal) ? 'timeout' : 'error');
      throw error;
    }
    telemetry.remoteCall(service, await outcomeOf(service, response));
    return response;
  };
}

async function outcomeOf(service: RemoteService, response: Response): Promise<CallOutcome> {
  const outcome = callOutcomeOfStatus(response.status);
  if (service !== 'slack' || outcome !== 'ok') return outcome;
  try {
    const body = (await response.clone().json()) as { ok?: unknown };
    return body.ok === false ? 'error' : 'ok';
  } catch {
    // Not JSON (a proxy's page): the client will fail on it too.
    return 'error';
  }
}

/** AbortSignal.timeout's reason, directly or through AbortSignal.any. */
function isTimeout(error: unknown, signal: AbortSignal | null | undefined): boolean {
  const name = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.name : undefined);
  return (
    name(error) === 'TimeoutError' || (signal?.aborted === true && name(signal.reason) === 'TimeoutError')
  );
}
