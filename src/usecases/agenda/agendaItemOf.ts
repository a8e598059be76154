import { mayChangeItem } from '../../core/agenda/agendaPermissions.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import { authorMrkdwn } from '../../core/agenda/agendaItemText.js';
import { findMeeting, type MeetingLookupDeps } from './findMeeting.js';

/** Which item a command names: its number on the current meeting, or on the meeting of `date`. */
export interface ItemRef {
  readonly number: number;
  readonly date: LocalDate | undefined;
}

export interface ItemLookupDeps extends MeetingLookupDeps {
  readonly agenda: Pick<AgendaRepository, 'byNumber'>;
}

/** Item n of the current meeting (or of the meeting on the given date). */
export async function agendaItemOf(
  deps: ItemLookupDeps,
  group: ResolvedGroup,
  ref: ItemRef,
  now: Date,
): Promise<{ meeting: Occurrence; item: AgendaItem }> {
  const meeting = await findMeeting(deps, { group, purpose: 'view', date: ref.date, now });
  const item = await deps.agenda.byNumber(group.id, meeting.startsAt, ref.number);
  if (!item) {
    throw new GavelError(
      'not_found',
      `There is no item #${ref.number} on the agenda of ${meetingLabel(meeting.startsAt, group.timeZone)}. See \`/agenda list\`${ref.date ? ` ${ref.date}` : ''}.`,
    );
  }
  return { meeting, item };
}

/** Its author or a lead may remove or move an item: anyone else is refused, saying who may. */
export function mustBeAllowedToChange(
  group: ResolvedGroup,
  userId: SlackUserId,
  item: AgendaItem,
  verb: string,
): void {
  if (mayChangeItem(group, userId, item)) return;
  throw new GavelError(
    'not_allowed',
    `Only its author (${authorMrkdwn(item)}) or a lead can ${verb} #${item.number}. Ask them, or add your own item with \`/agenda add\`.`,
  );
}
