import { STAGE_AHEAD_MS } from './reminderDelivery.js';
import type { GroupId } from '../ids.js';

/** The durable job that posts one reminder. The key is its identity: group, meeting, lead. */
export interface ReminderJobSpec {
  readonly key: string;
  readonly kind: 'reminder';
  readonly runAt: Date;
  readonly payload: ReminderPayload;
}

export interface ReminderPayload {
  readonly groupId: GroupId;
  /** The meeting's start instant, ISO UTC. */
  readonly startsAt: string;
  readonly leadMinutes: number;
}

/** Every reminder job of a group starts with this. */
/** Every reminder job's key starts so. */
export const REMINDER_PREFIX = 'reminder:';

export const reminderGroupPrefix = (groupId: GroupId | string) => `${REMINDER_PREFIX}${groupId}:`;

export const reminderKeyPrefix = (groupId: GroupId | string, startsAt: string) =>
  `reminder:${groupId}:${startsAt}:`;

export const reminderKey = (groupId: GroupId | string, startsAt: string, leadMinutes: number) =>
  `${reminderKeyPrefix(groupId, startsAt)}${leadMinutes}m`;

/** The minute a reminder should appear in the channel. */
export const reminderDueAt = (startsAt: Date, leadMinutes: number): Date =>
  new Date(startsAt.getTime() - leadMinutes * 60_000);

/**
 * One job per configured lead time, run STAGE_AHEAD_MS before its minute (start − lead) so
 * Slack can be handed the message to post on the minute. A lead whose moment has already passed
 * when the meeting is planned (a meeting added 5 minutes before it starts) still gets its
 * job, due at once: better a late reminder than none. The job itself refuses to post once
 * the meeting has started (see reminderDecision).
 */
export function reminderJobs(
  groupId: GroupId,
  startsAt: Date,
  leadMinutes: readonly number[],
): ReminderJobSpec[] {
  const iso = startsAt.toISOString();
  return leadMinutes.map((lead) => ({
    key: reminderKey(groupId, iso, lead),
    kind: 'reminder',
    runAt: new Date(reminderDueAt(startsAt, lead).getTime() - STAGE_AHEAD_MS),
    payload: { groupId, startsAt: iso, leadMinutes: lead },
  }));
}

export type ReminderDecision =
  | { readonly kind: 'post'; readonly lateByMs: number }
  | { readonly kind: 'skip'; readonly reason: 'meeting-started' | 'meeting-cancelled' | 'meeting-gone' };

/** Reminders later than this are logged as late (they are still posted). */
const LATE_AFTER_MS = 60_000;

/**
 * After downtime a reminder whose meeting has not started is still worth posting (and is
 * logged as late); one whose meeting already started is never posted into the past.
 */
export function reminderDecision(input: {
  readonly now: Date;
  readonly dueAt: Date;
  readonly startsAt: Date;
  readonly status: 'scheduled' | 'cancelled' | 'missing';
}): ReminderDecision {
  if (input.status === 'missing') return { kind: 'skip', reason: 'meeting-gone' };
  if (input.status === 'cancelled') return { kind: 'skip', reason: 'meeting-cancelled' };
  if (input.now.getTime() >= input.startsAt.getTime()) return { kind: 'skip', reason: 'meeting-started' };
  return { kind: 'post', lateByMs: Math.max(0, input.now.getTime() - input.dueAt.getTime()) };
}

export const isLate = (d: ReminderDecision): boolean => d.kind === 'post' && d.lateByMs > LATE_AFTER_MS;
