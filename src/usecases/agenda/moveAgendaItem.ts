import { movedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { Clock } from '../../core/clock.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import { agendaMinutesJobs } from '../../core/minutes/agendaMinutesJob.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import { agendaItemOf, type ItemLookupDeps, mustBeAllowedToChange } from './agendaItemOf.js';
import { findMeeting } from './findMeeting.js';

/**
 * `/agenda move <n> <date>`: an open item of the current meeting, by its author or a lead, to
 * a meeting of that date that has not started. Returns the sentence for the channel.
 */
export async function moveAgendaItem(
  deps: ItemLookupDeps & {
    readonly agenda: Pick<AgendaRepository, 'move'>;
    readonly queue: Pick<JobQueue, 'enqueue'>;
    readonly clock: Clock;
  },
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly number: number;
    readonly date: LocalDate;
  },
): Promise<{ readonly item: AgendaItem; readonly text: string }> {
  const { group, userId } = input;
  const now = deps.clock.now();
  const label = (startsAt: string) => meetingLabel(startsAt, group.timeZone);
  const { meeting, item } = await agendaItemOf(deps, group, { number: input.number, date: undefined }, now);
  mustBeAllowedToChange(group, userId, item, 'move');
  const target = await findMeeting(deps, { group, purpose: 'add', date: input.date, now });
  if (target.startsAt === meeting.startsAt) {
    throw new GavelError(
      'bad_input',
      `#${item.number} is already on the agenda of ${label(meeting.startsAt)}.`,
    );
  }
  if (item.status !== 'open') {
    throw new GavelError(
      'bad_input',
      `#${item.number} was ${item.status} already; add it again if it needs more time.`,
    );
  }
  const movedAt = deps.clock.now();
  const moved = await deps.agenda.move(item.id, target.startsAt, movedAt);
  // Onto the target meeting's minutes too, if they exist already.
  await deps.queue.enqueue(agendaMinutesJobs(group, [moved], movedAt), movedAt);
  return {
    item: moved,
    text: movedText(userId, item, moved, label(meeting.startsAt), label(target.startsAt)),
  };
}
