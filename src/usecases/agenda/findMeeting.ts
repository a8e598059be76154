import { chooseMeeting, type MeetingPurpose, upcomingMeetings } from '../../core/agenda/meetingChoice.js';
import { DAY_MS } from '../../core/duration.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';

/** Far enough ahead to cover every planned occurrence; behind enough to see one in progress. */
export const AHEAD_MS = 400 * DAY_MS;

/** What finding a meeting reads: local reads only, safe before the ack. */
export interface MeetingLookupDeps {
  readonly occurrences: Pick<OccurrenceRepository, 'between' | 'startedOrNext' | 'onDate'>;
}

/** The group's occurrences from a day before `now` onwards. */
const occurrencesAround = (
  deps: { readonly occurrences: Pick<OccurrenceRepository, 'between'> },
  group: ResolvedGroup,
  now: Date,
): Promise<Occurrence[]> =>
  deps.occurrences.between(group.id, new Date(now.getTime() - DAY_MS), new Date(now.getTime() + AHEAD_MS));

/** The meeting a command is about (see chooseMeeting), or a GavelError that says what would work. */
export async function findMeeting(
  deps: MeetingLookupDeps,
  input: {
    readonly group: ResolvedGroup;
    readonly purpose: MeetingPurpose;
    readonly date: LocalDate | undefined;
    readonly now: Date;
  },
): Promise<Occurrence> {
  const { group, purpose, date, now } = input;
  const [around, onDate] = await Promise.all([
    purpose === 'add' && date === undefined
      ? nextWithinReach(deps, group, now)
      : occurrencesAround(deps, group, now),
    date ? deps.occurrences.onDate(group.id, date) : Promise.resolve([]),
  ]);
  const choice = chooseMeeting({ purpose, date, around, onDate, now, timeZone: group.timeZone });
  if (!choice.ok) throw new GavelError('no_meeting', choice.message);
  return choice.meeting;
}

/**
 * All that `add` without a date looks at is a meeting in progress (one that started in the
 * last day) and the first scheduled meeting that has not started, within the same window as
 * occurrencesAround: a row or two instead of a year's worth, on the path that has to ack fast.
 */
async function nextWithinReach(
  deps: { readonly occurrences: Pick<OccurrenceRepository, 'startedOrNext'> },
  group: ResolvedGroup,
  now: Date,
): Promise<Occurrence[]> {
  const { started, next } = await deps.occurrences.startedOrNext(group.id, now);
  const reachable = next && next.startsAt < new Date(now.getTime() + AHEAD_MS).toISOString();
  return reachable ? [...started, next] : started;
}

/** Scheduled meetings that have not started yet, soonest first. */
export async function upcoming(
  deps: { readonly occurrences: Pick<OccurrenceRepository, 'between'> },
  group: ResolvedGroup,
  now: Date,
): Promise<Occurrence[]> {
  return upcomingMeetings(await occurrencesAround(deps, group, now), now);
}
