import { zonedDate } from '../../core/slackDate.js';
import { DAY_MS } from '../../core/duration.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { isLead } from '../../core/group.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import { leadsOnly, noMeetingOn } from '../../core/meeting/meetingReplies.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { occurrenceOn } from '../../core/schedule/occurrences.js';

/** How far ahead the "upcoming meetings" hint looks. */
const HINT_DAYS = 60;

export type MeetingOnDateDeps = {
  readonly occurrences: Pick<OccurrenceRepository, 'sync' | 'onDate' | 'between'>;
};

/** Refuses anyone but a lead, naming the leads to ask. */
export function requireLead(group: ResolvedGroup, userId: SlackUserId, verb: string): void {
  if (!isLead(group, userId)) throw leadsOnly(group.leads, verb);
}

/**
 * The stored upcoming occurrence on a local date, storing it first if it lies beyond the
 * planning horizon; a GavelError naming the upcoming dates when there is none.
 */
export async function meetingOnDate(
  deps: MeetingOnDateDeps,
  group: ResolvedGroup,
  date: LocalDate,
  now: Date,
): Promise<Occurrence> {
  // Beyond the planning horizon the occurrence is not stored yet: store exactly that date's
  // occurrences (the sync window spans only their starts, so no other meeting is touched).
  const planned = occurrenceOn(group, date).filter((o) => o.startsAt.getTime() > now.getTime());
  const first = planned[0];
  const last = planned[planned.length - 1];
  if (first && last) {
    await deps.occurrences.sync(
      group.id,
      planned,
      first.startsAt,
      new Date(last.startsAt.getTime() + 1),
      now,
    );
  }
  const stored = (await deps.occurrences.onDate(group.id, date)).filter(
    (o) => o.startsAt > now.toISOString(),
  );
  const found = stored[0];
  if (found) return found;
  const upcoming = await deps.occurrences.between(
    group.id,
    now,
    new Date(now.getTime() + HINT_DAYS * DAY_MS),
  );
  const goingAhead = upcoming.filter((o) => o.status === 'scheduled');
  throw noMeetingOn(
    date,
    [...new Set(goingAhead.map((o) => o.localDate))].slice(0, 4),
    zonedDate(now, group.timeZone),
  );
}
