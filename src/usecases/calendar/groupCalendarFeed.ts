import { type IcsFeedInput, renderIcsFeed } from '../../core/calendar/icsFeed.js';
import type { Clock } from '../../core/clock.js';
import { DAY_MS } from '../../core/duration.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { withRestoredMeetings } from '../../core/calendar/restoredMeetings.js';

export interface CalendarFeedDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'between'>;
  readonly records: Pick<MeetingRecordRepository, 'recordingsOf'>;
  readonly clock: Clock;
}

/**
 * A group's meetings as an iCalendar feed, or undefined for no such group. The recurrence
 * comes from the groups file; cancellations and one-offs made in Slack come from the
 * database, so a subscribed calendar follows `/meeting cancel` within its refresh interval.
 */
export async function groupCalendarFeed(
  deps: CalendarFeedDeps,
  groupId: string,
  host: string,
): Promise<string | undefined> {
  const group = deps.groups.byId(groupId);
  if (!group) return undefined;
  return renderIcsFeed(await calendarFeedInput(deps, group, host, deps.clock.now()));
}

/** What the feed of one group is made of: the groups file's rules with the database's changes. */
export async function calendarFeedInput(
  deps: Omit<CalendarFeedDeps, 'groups' | 'clock'>,
  group: ResolvedGroup,
  host: string,
  now: Date,
): Promise<IcsFeedInput> {
  // A year back and ahead covers what calendar apps show; older one-offs are history.
  const stored = await deps.occurrences.between(
    group.id,
    new Date(now.getTime() - 365 * DAY_MS),
    new Date(now.getTime() + 365 * DAY_MS),
  );
  const past = stored.filter((o) => o.status === 'scheduled' && Date.parse(o.startsAt) <= now.getTime());
  const recordings = await deps.records.recordingsOf(
    group.id,
    past.map((o) => o.startsAt),
  );
  return {
    recordings: recordings.map((r) => ({ startsAt: new Date(r.meetingStartsAt), url: r.url })),
    group: withRestoredMeetings(group, stored),
    added: stored
      .filter((o) => o.source === 'added' && o.status === 'scheduled')
      .map((o) => ({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt), title: o.title })),
    cancelledStarts: stored
      .filter((o) => o.status === 'cancelled' && o.source !== 'added')
      .map((o) => new Date(o.startsAt)),
    now,
    host,
  };
}
