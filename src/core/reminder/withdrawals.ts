import { reminderGroupPrefix } from './reminderPlan.js';

/** Whether a meeting still goes ahead: its group is configured and the meeting is scheduled. */
export const meetingGoesAhead = (input: {
  readonly groupConfigured: boolean;
  readonly status: 'scheduled' | 'cancelled' | 'missing';
}): boolean => input.groupConfigured && input.status === 'scheduled';

/**
 * The meeting a reminder key names (its start instant, ISO UTC): the inverse of reminderKey,
 * `reminder:<group>:<startsAt>:<lead>m`. Undefined for a key of another group.
 */
export function reminderKeyMeeting(groupId: string, key: string): string | undefined {
  const prefix = reminderGroupPrefix(groupId);
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  // The instant has colons of its own; the lead after the last one has none.
  const lastColon = rest.lastIndexOf(':');
  return lastColon > 0 ? rest.slice(0, lastColon) : undefined;
}

/**
 * The meetings whose reminders Slack already holds (`handedOver`, reminder job keys) but which
 * no longer go ahead: each is named once, in the order first seen.
 */
export function meetingsToWithdraw(
  groupId: string,
  handedOver: readonly string[],
  goingAhead: ReadonlySet<string>,
): string[] {
  const meetings = handedOver.flatMap((key) => reminderKeyMeeting(groupId, key) ?? []);
  return [...new Set(meetings)].filter((startsAt) => !goingAhead.has(startsAt));
}

/** `reminder:<group>:<startsAt>:<lead>m`, read from the end: a group id may hold colons. */
const REMINDER_KEY = /^reminder:(.+):\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z:\d+m$/;

/**
 * Reminder job keys sorted by the group they belong to, for one look at every reminder Slack
 * holds instead of one per group; keys of no reminder are left out.
 */
export function reminderKeysByGroup(keys: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const byGroup = new Map<string, string[]>();
  for (const key of keys) {
    const groupId = REMINDER_KEY.exec(key)?.[1];
    if (groupId === undefined) continue;
    const list = byGroup.get(groupId);
    if (list) list.push(key);
    else byGroup.set(groupId, [key]);
  }
  return byGroup;
}
