import { mayMarkCovered } from '../../core/agenda/agendaPermissions.js';
import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { findMeeting, type MeetingLookupDeps } from './findMeeting.js';

/** One meeting's agenda as the person asking may act on it. */
export interface AgendaListing {
  readonly group: ResolvedGroup;
  readonly meetingStartsAt: string;
  readonly meetingTitle: string;
  /** The meeting's length in minutes (undefined when the meeting is gone). */
  readonly meetingMinutes: number | undefined;
  /** Every item (open, covered, dropped), in the order of discussion. */
  readonly items: readonly AgendaItem[];
  /** Whether the list offers the "Covered" buttons: to a lead. */
  readonly canMarkCovered: boolean;
}

type ListingDeps = { readonly agenda: Pick<AgendaRepository, 'forMeeting'> };

/** `/agenda list [date]`: the meeting in progress, else the next, or the meeting of that date. */
export async function listAgenda(
  deps: ListingDeps & MeetingLookupDeps & { readonly clock: Clock },
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly date: LocalDate | undefined;
  },
): Promise<AgendaListing> {
  const { group, userId, date } = input;
  const meeting = await findMeeting(deps, { group, purpose: 'view', date, now: deps.clock.now() });
  return {
    group,
    meetingStartsAt: meeting.startsAt,
    meetingTitle: meeting.title,
    meetingMinutes: lengthOf(meeting),
    items: await deps.agenda.forMeeting(group.id, meeting.startsAt),
    canMarkCovered: mayMarkCovered(group, userId),
  };
}

/** The agenda of the meeting an item is on, as it stands now (the list a button redraws). */
export async function meetingAgenda(
  deps: ListingDeps & { readonly occurrences: Pick<OccurrenceRepository, 'find'> },
  input: { readonly group: ResolvedGroup; readonly userId: SlackUserId; readonly meetingStartsAt: string },
): Promise<AgendaListing> {
  const { group, userId, meetingStartsAt } = input;
  const meeting = await deps.occurrences.find(group.id, meetingStartsAt);
  return {
    group,
    meetingStartsAt,
    meetingTitle: meeting?.title ?? '',
    meetingMinutes: meeting ? lengthOf(meeting) : undefined,
    items: await deps.agenda.forMeeting(group.id, meetingStartsAt),
    canMarkCovered: mayMarkCovered(group, userId),
  };
}

const lengthOf = (m: { readonly startsAt: string; readonly endsAt: string }): number =>
  Math.round((Date.parse(m.endsAt) - Date.parse(m.startsAt)) / 60_000);
