import { chooseMeeting, type MeetingPurpose, upcomingMeetings } from '../../core/agenda/meetingChoice.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate } from '../../core/ids.js';
import type { Services } from '../../services.js';
import type { Occurrence } from '../../core/model/occurrence.js';

const DAY_MS = 24 * 60 * 60_000;
/** Far enough ahead to cover every planned occurrence; behind enough to see one in progress. */
const AHEAD_MS = 400 * DAY_MS;

/** The group's occurrences from a day before `now` onwards (local reads only: safe before the ack). */
export const occurrencesAround = (
  services: Services,
  group: ResolvedGroup,
  now: Date,
): Promise<Occurrence[]> =>
  services.occurrences.between(
    group.id,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() + AHEAD_MS),
  );

/** The meeting a command is about (see chooseMeeting), or a GavelError that says what would work. */
export async function findMeeting(
  services: Services,
  group: ResolvedGroup,
  purpose: MeetingPurpose,
  date: LocalDate | undefined,
  now: Date,
): Promise<Occurrence> {
  const [around, onDate] = await Promise.all([
    purpose === 'add' && date === undefined
      ? nextWithinReach(services, group, now)
      : occurrencesAround(services, group, now),
    date ? services.occurrences.onDate(group.id, date) : Promise.resolve([]),
  ]);
  const choice = chooseMeeting({ purpose, date, around, onDate, now, timeZone: group.timeZone });
  if (!choice.ok) throw new GavelError('no_meeting', choice.message);
  return choice.meeting;
}

/**
 * All that `add` without a date looks at is the first scheduled meeting that has not started,
 * within the same window as occurrencesAround: one row instead of a year's worth, on the
 * path that has to ack fast.
 */
async function nextWithinReach(services: Services, group: ResolvedGroup, now: Date): Promise<Occurrence[]> {
  const next = await services.occurrences.next(group.id, now);
  return next && next.startsAt < new Date(now.getTime() + AHEAD_MS).toISOString() ? [next] : [];
}

/** Scheduled meetings that have not started yet, soonest first. */
export async function upcoming(services: Services, group: ResolvedGroup, now: Date): Promise<Occurrence[]> {
  return upcomingMeetings(await occurrencesAround(services, group, now), now);
}
