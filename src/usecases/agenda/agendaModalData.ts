import { type AgendaModalInput, MODAL_MEETINGS } from '../../core/agenda/agendaModal.js';
import type { Clock } from '../../core/clock.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { upcoming } from './findMeeting.js';

/**
 * What the "Add agenda item" form offers a group: its next meetings, with `selected` (a
 * meeting's start, from a reminder's button) chosen when it is still upcoming. A GavelError
 * when there is no meeting to add to.
 */
export async function agendaModalData(
  deps: { readonly occurrences: Pick<OccurrenceRepository, 'between'>; readonly clock: Clock },
  input: { readonly group: ResolvedGroup; readonly selected: string | undefined },
): Promise<AgendaModalInput> {
  const { group, selected } = input;
  const meetings = (await upcoming(deps, group, deps.clock.now())).slice(0, MODAL_MEETINGS);
  if (meetings.length === 0) {
    throw new GavelError(
      'no_meeting',
      'No upcoming meeting is scheduled for this group, so there is no agenda to add to.',
    );
  }
  return {
    groupName: group.name,
    timeZone: group.timeZone,
    meetings: meetings.map((m) => ({ startsAt: m.startsAt, title: m.title })),
    selected,
    metadata: { groupId: group.id, channelId: group.channelId },
  };
}
