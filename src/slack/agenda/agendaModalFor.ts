import type { ModalView } from '@slack/types';
import { agendaModalView, MODAL_MEETINGS } from '../../core/agenda/agendaModal.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Services } from '../../services.js';
import { upcoming } from './agendaMeetings.js';

/**
 * The "Add agenda item" modal for a group, offering its next meetings; `selected` (a
 * meeting's start, from a reminder's button) is preselected when it is still upcoming.
 */
export async function agendaModalFor(
  services: Services,
  group: ResolvedGroup,
  selected: string | undefined,
  now: Date,
): Promise<ModalView> {
  const meetings = (await upcoming(services, group, now)).slice(0, MODAL_MEETINGS);
  if (meetings.length === 0) {
    throw new GavelError(
      'no_meeting',
      'No upcoming meeting is scheduled for this group, so there is no agenda to add to.',
    );
  }
  return agendaModalView({
    groupName: group.name,
    timeZone: group.timeZone,
    meetings: meetings.map((m) => ({ startsAt: m.startsAt, title: m.title })),
    selected,
    metadata: { groupId: group.id, channelId: group.channelId },
  });
}
