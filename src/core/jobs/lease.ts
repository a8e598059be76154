/**
 * How long a claimed job stays its worker's without word from it. Short, because it is also
 * how long a crashed worker's job waits before another takes it over, and a reminder being
 * handed to Slack must be taken over before its post time (see reminderDelivery.ts). The
 * worker renews the lease while a job runs, so a slow job is not taken over alive.
 */
export const JOB_LEASE_MS = 45_000;

/** Renewed three times per lease: one missed renewal (a GC pause, a slow query) is harmless. */
export const LEASE_RENEW_EVERY_MS = JOB_LEASE_MS / 3;
