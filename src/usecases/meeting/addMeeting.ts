import { MINUTE_MS } from '../../core/duration.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, LocalTime, SlackUserId } from '../../core/ids.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { localToInstant } from '../../core/schedule/zonedTime.js';
import type { RestoreMeetingDeps } from './cancelMeeting.js';
import { requireLead } from './meetingOnDate.js';

export interface AddMeetingDeps extends Pick<RestoreMeetingDeps, 'clock' | 'replan'> {
  readonly occurrences: Pick<OccurrenceRepository, 'add'>;
}

export interface AddMeetingInput {
  readonly group: ResolvedGroup;
  readonly userId: SlackUserId;
  readonly date: LocalDate;
  readonly time: LocalTime;
  readonly title: string | undefined;
}

/** A meeting without a title is called this. */
export const EXTRA_MEETING_TITLE = 'Extra meeting';
const DEFAULT_DURATION_MINUTES = 60;

/**
 * `/meeting add <date> <time> [title]` (leads only): a one-off meeting in the group's zone,
 * as long and with the same join link as the group's first meeting.
 */
export async function addMeeting(deps: AddMeetingDeps, input: AddMeetingInput): Promise<Occurrence> {
  const { group, date, time } = input;
  requireLead(group, input.userId, 'add');
  const now = deps.clock.now();
  const startsAt = localToInstant(date, time, group.timeZone);
  if (startsAt.getTime() <= now.getTime()) {
    throw new GavelError(
      'bad_input',
      `${date} ${time} (${group.timeZone}) is in the past. Pick a future date and time.`,
    );
  }
  const template = group.meetings[0];
  const durationMinutes = template?.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const added = await deps.occurrences.add(
    {
      groupId: group.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMinutes * MINUTE_MS),
      localDate: date,
      title: input.title ?? EXTRA_MEETING_TITLE,
      joinUrl: template?.joinUrl,
      dialIn: template?.dialIn,
    },
    now,
  );
  if (!added) throw new GavelError('conflict', `A meeting already starts at ${date} ${time}.`);
  await deps.replan(group.id);
  return added;
}
