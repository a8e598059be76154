import { MINUTE_MS } from '../duration.js';
import type { MinutesSettings } from '../group.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const MINUTES_JOB = 'minutes';

export interface MinutesPayload {
  readonly groupId: string;
  /** The meeting's start instant, ISO UTC. */
  readonly startsAt: string;
  /** Who asked (`/meeting notes`): they, not the leads, hear about a set-up problem. */
  readonly requestedBy?: string;
}

/** Every scheduled minutes job of a group starts with this (the planner cancels by it). */
export const minutesGroupPrefix = (groupId: string): string => `${MINUTES_JOB}:${groupId}:`;

export const minutesKey = (groupId: string, startsAt: string): string =>
  `${minutesGroupPrefix(groupId)}${startsAt}`;

/**
 * A creation someone asked for (`/meeting notes`). Its own key, stamped with the request's
 * instant, so it neither waits for nor replaces the scheduled job; the job's checks (stored
 * id, name in the folder, heading in the doc) keep the two from making two docs.
 */
export const minutesNowKey = (groupId: string, startsAt: string, requestedAt: Date): string =>
  `${MINUTES_JOB}-now:${groupId}:${startsAt}:${requestedAt.toISOString()}`;

/** When the doc is due: `createBeforeMinutes` before the start. */
export const minutesDueAt = (startsAt: Date, settings: MinutesSettings): Date =>
  new Date(startsAt.getTime() - settings.createBeforeMinutes * MINUTE_MS);

/**
 * The scheduled job that creates one meeting's minutes. A meeting planned after its moment
 * has passed (added at short notice) gets the job due at once.
 */
export function minutesJobSpec(groupId: string, startsAt: string, settings: MinutesSettings): JobSpec {
  const payload: MinutesPayload = { groupId, startsAt };
  return {
    key: minutesKey(groupId, startsAt),
    kind: MINUTES_JOB,
    runAt: minutesDueAt(new Date(startsAt), settings),
    payload,
  };
}

/** The on-demand job: same kind, due now, remembering who asked. */
export function minutesNowJobSpec(
  groupId: string,
  startsAt: string,
  now: Date,
  requestedBy: string,
): JobSpec {
  const payload: MinutesPayload = { groupId, startsAt, requestedBy };
  return { key: minutesNowKey(groupId, startsAt, now), kind: MINUTES_JOB, runAt: now, payload };
}

export const MINUTES_ANNOUNCE_JOB = 'minutes-announce';

export interface MinutesAnnouncePayload {
  readonly groupId: string;
  readonly startsAt: string;
  /** The doc's name, or the running doc's section heading: the link's label. */
  readonly label: string;
}

/**
 * The channel post that announces a meeting's minutes, as a job of its own keyed by the
 * meeting: however often the creating job runs (a retry, `/meeting notes`), it is posted once.
 */
export function minutesAnnounceJobSpec(payload: MinutesAnnouncePayload, now: Date): JobSpec {
  return {
    key: `${MINUTES_ANNOUNCE_JOB}:${payload.groupId}:${payload.startsAt}`,
    kind: MINUTES_ANNOUNCE_JOB,
    runAt: now,
    payload,
  };
}
