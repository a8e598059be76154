/** The remote services gavel calls. */
export type RemoteService = 'slack' | 'github' | 'google';

/** What came of one HTTP call to a remote service (each retry is a call of its own). */
export type CallOutcome = 'ok' | 'error' | '429' | 'timeout';

/** How a claimed job ended: done, back to pending for a retry, or parked as failed. */
export type JobOutcome = 'done' | 'retrying' | 'failed';

/** How a reminder reached Slack: handed over to post at its time (scheduled), or posted now. */
export type ReminderHandOver = 'handed_over' | 'posted';

/**
 * What gavel counts and times for its operators (the METRICS=on endpoint). Fire-and-forget:
 * no method throws or waits, and the default is `noTelemetry`, so callers never guard.
 */
export interface Telemetry {
  /** A job's run ended; `dueToDoneSeconds` from its run_at to now by the injected clock. */
  jobFinished(kind: string, outcome: JobOutcome, dueToDoneSeconds: number): void;
  reminderDelivered(how: ReminderHandOver): void;
  remoteCall(service: RemoteService, outcome: CallOutcome): void;
  /** A slash command was acknowledged, `seconds` after its listener started. */
  commandAcked(command: string, seconds: number): void;
  /** A database statement failed (a unique-key conflict the store resolves itself is not one). */
  databaseError(): void;
}

export const noTelemetry: Telemetry = {
  jobFinished: () => undefined,
  reminderDelivered: () => undefined,
  remoteCall: () => undefined,
  commandAcked: () => undefined,
  databaseError: () => undefined,
};

/** The outcome of an HTTP answer: 2xx ok, 429 rate limited, anything else an error. */
export function callOutcomeOfStatus(status: number): CallOutcome {
  if (status === 429) return '429';
  return status >= 200 && status < 300 ? 'ok' : 'error';
}
