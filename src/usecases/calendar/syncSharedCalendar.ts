import { sameSharedEvent, sharedCalendarChanges, sharedEvents } from '../../core/calendar/sharedEvents.js';
import { DAY_MS } from '../../core/duration.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import { withRestoredMeetings } from '../../core/calendar/restoredMeetings.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import type { Log } from '../../core/ports/log.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import {
  type SharedCalendar,
  SharedCalendarError,
  type SharedEvent,
} from '../../core/ports/sharedCalendar.js';

export interface DesiredEventsDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
}

export interface SyncSharedCalendarDeps extends DesiredEventsDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly calendar: SharedCalendar;
}

export interface SyncResult {
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
}

/**
 * What the group's events in the shared calendar should be: the groups file's rules with the
 * cancellations and one-offs made in Slack, two years back (the series' start) and one ahead.
 */
export async function desiredSharedEvents(
  deps: DesiredEventsDeps,
  group: ResolvedGroup,
  now: Date,
): Promise<SharedEvent[]> {
  const stored = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - 2 * 366 * DAY_MS),
    new Date(now.getTime() + 366 * DAY_MS),
  );
  return sharedEvents({
    group: withRestoredMeetings(group, stored),
    added: stored
      .filter((o) => o.source === 'added' && o.status === 'scheduled')
      .map((o) => ({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt), title: o.title })),
    cancelledStarts: stored
      .filter((o) => o.status === 'cancelled' && o.source !== 'added')
      .map((o) => new Date(o.startsAt)),
    now,
  });
}

/**
 * Brings the group's events in the shared calendar in line with its plan: creates or corrects
 * what differs, deletes gavel's events the plan no longer has (all of them for a group gone
 * from the groups file). Safe to repeat: an unchanged plan makes no write. Events without
 * gavel's mark are never listed, so never touched.
 */
export async function syncSharedCalendar(
  deps: SyncSharedCalendarDeps,
  groupId: string,
  now: Date,
  log: Log,
): Promise<SyncResult> {
  const group = deps.groups.byId(groupId);
  const want = group ? await desiredSharedEvents(deps, group, now) : [];
  try {
    const have = await deps.calendar.listGroup(groupId);
    const changes = sharedCalendarChanges(want, have);
    let created = 0;
    let updated = 0;
    for (const event of changes.put) {
      const done = await putInviting(deps.calendar, event, have, log);
      if (done === 'created') created += 1;
      if (done === 'updated') updated += 1;
    }
    let deleted = 0;
    for (const key of changes.remove) {
      const outcome = await deps.calendar.remove(groupId, key);
      if (outcome === 'deleted') deleted += 1;
      if (outcome === 'not-ours')
        log.warn({ group: groupId, key }, 'calendar event without gavel’s mark left alone');
    }
    return { created, updated, deleted };
  } catch (error) {
    if (error instanceof SharedCalendarError && error.failure !== 'retryable') {
      throw new PermanentJobError(error.message);
    }
    throw error;
  }
}

/**
 * Puts the event; when the account may not invite (a service account without delegation), puts
 * it without attendees instead, unless the calendar already holds it so.
 */
async function putInviting(
  calendar: SharedCalendar,
  event: SharedEvent,
  have: readonly SharedEvent[],
  log: Log,
): Promise<'created' | 'updated' | 'unchanged'> {
  const listed = have.some((e) => e.key === event.key);
  try {
    return await calendar.put(event, listed);
  } catch (error) {
    if (
      !(error instanceof SharedCalendarError) ||
      error.failure !== 'cannot-invite' ||
      event.attendees.length === 0
    ) {
      throw error;
    }
    log.warn(
      { group: event.groupId, key: event.key },
      'the Google account may not invite the mailing list (a service account needs domain-wide delegation, GOOGLE_IMPERSONATE, or use OAuth): the event is kept without attendees',
    );
    const uninvited = { ...event, attendees: [] };
    const found = have.find((e) => e.key === event.key);
    if (found && sameSharedEvent(uninvited, found)) return 'unchanged';
    return calendar.put(uninvited, listed);
  }
}
