import type { KnownBlock } from '@slack/types';
import { agendaListReply } from '../../core/agenda/agendaListBlocks.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { AgendaListing } from '../../usecases/agenda/listAgenda.js';

/** A meeting's agenda as `/agenda list` shows it and the "Covered" button redraws it. */
export function agendaListView(listing: AgendaListing): { text: string; blocks?: KnownBlock[] } {
  const label = (startsAt: string) => meetingLabel(startsAt, listing.group.timeZone);
  return agendaListReply({
    groupName: listing.group.name,
    meetingTitle: listing.meetingTitle,
    meeting: label(listing.meetingStartsAt),
    items: listing.items,
    standing: listing.group.agendaStanding ?? [],
    ...(listing.meetingMinutes === undefined ? {} : { meetingMinutes: listing.meetingMinutes }),
    labelOf: label,
    canMarkCovered: listing.canMarkCovered,
  });
}
