import { addedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabelAt } from '../../core/agenda/meetingLabel.js';
import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import { agendaMinutesJobs } from '../../core/minutes/agendaMinutesJob.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { AHEAD_MS, findMeeting, type MeetingLookupDeps } from './findMeeting.js';

export interface AddAgendaItemDeps {
  readonly agenda: Pick<AgendaRepository, 'add' | 'addToMeetingAtHand'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  readonly clock: Clock;
}

/** An item on the agenda, with the sentence that announces it in the channel. */
export interface AddedAgendaItem {
  readonly item: AgendaItem;
  readonly text: string;
}

interface NewItem {
  readonly group: ResolvedGroup;
  readonly topic: string;
  readonly details: string | null;
  readonly userId: SlackUserId;
  /** Minutes, already bounded by the parser or the form. */
  readonly timeboxMinutes?: number | undefined;
}

/**
 * `/agenda add <topic> [for <date>]`: on the meeting in progress, else the next one, or on
 * the meeting of that date (one that has not ended). A GavelError says why no meeting fits.
 */
export async function addAgendaItem(
  deps: AddAgendaItemDeps & MeetingLookupDeps,
  input: NewItem & { readonly date: LocalDate | undefined },
): Promise<AddedAgendaItem> {
  if (input.date === undefined) {
    // The meeting at hand, chosen in the same step that writes the item: one round trip on
    // the path that must ack fast. When there is none the long way below says why.
    const now = deps.clock.now();
    const added = await deps.agenda.addToMeetingAtHand(
      newItem(input),
      now,
      new Date(now.getTime() + AHEAD_MS),
    );
    if (added) return announced(deps, input, added.item, added.meeting, now);
  }
  const meeting = await findMeeting(deps, {
    group: input.group,
    purpose: 'add',
    date: input.date,
    now: deps.clock.now(),
  });
  return record(deps, input, meeting);
}

export type FormAddOutcome =
  | ({ readonly kind: 'added' } & AddedAgendaItem)
  /** The chosen meeting has started, was cancelled or is gone since the form opened. */
  | { readonly kind: 'meeting-unavailable' };

/** The form's submission: on the meeting chosen in it, if that is still to come. */
export async function addAgendaItemFromForm(
  deps: AddAgendaItemDeps & { readonly occurrences: Pick<OccurrenceRepository, 'find'> },
  input: NewItem & { readonly meetingStartsAt: string },
): Promise<FormAddOutcome> {
  const now = deps.clock.now();
  const meeting = await deps.occurrences.find(input.group.id, input.meetingStartsAt);
  if (!meeting || meeting.status !== 'scheduled' || meeting.startsAt <= now.toISOString()) {
    return { kind: 'meeting-unavailable' };
  }
  return { kind: 'added', ...(await record(deps, input, meeting)) };
}

/**
 * Records an item on a meeting's agenda, and queues its line in the meeting's minutes (for a
 * doc that exists by then); returns it with the sentence that announces it. A crash between
 * the two is healed by the planner (healAgendaMinutes).
 */
async function record(
  deps: AddAgendaItemDeps,
  input: NewItem,
  meeting: Occurrence,
): Promise<AddedAgendaItem> {
  const now = deps.clock.now();
  const item = await deps.agenda.add({ ...newItem(input), meetingStartsAt: meeting.startsAt }, now);
  return announced(deps, input, item, meeting, now);
}

const newItem = (input: NewItem) => ({
  groupId: input.group.id,
  topic: input.topic,
  details: input.details,
  authorId: input.userId,
  timeboxMinutes: input.timeboxMinutes ?? null,
});

/** Queues the item's line in the minutes, and words the sentence that announces it. */
async function announced(
  deps: AddAgendaItemDeps,
  input: NewItem,
  item: AgendaItem,
  meeting: { readonly startsAt: string; readonly endsAt: string },
  now: Date,
): Promise<AddedAgendaItem> {
  await deps.queue.enqueue(agendaMinutesJobs(input.group, [item], now), now);
  const text = addedText(input.userId, item, meetingLabelAt(meeting, input.group.timeZone, now));
  return { item, text };
}
