import { removedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import type { Clock } from '../../core/clock.js';
import { GavelError } from '../../core/errors.js';
import { escapePlain } from '../../core/mrkdwn.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import { agendaItemOf, type ItemLookupDeps, type ItemRef, mustBeAllowedToChange } from './agendaItemOf.js';

/** `/agenda remove <n> [date]`, by its author or a lead; returns the sentence for the channel. */
export async function removeAgendaItem(
  deps: ItemLookupDeps & { readonly agenda: Pick<AgendaRepository, 'remove'>; readonly clock: Clock },
  input: ItemRef & { readonly group: ResolvedGroup; readonly userId: SlackUserId },
): Promise<{ readonly item: AgendaItem; readonly text: string }> {
  const { group, userId } = input;
  const { meeting, item } = await agendaItemOf(deps, group, input, deps.clock.now());
  mustBeAllowedToChange(group, userId, item, 'remove');
  // Removed here, it would be back with the next sync: the label is what puts it there.
  if (item.github) {
    throw new GavelError(
      'bad_input',
      `#${item.number} is on the agenda because ${item.github.repo}#${item.github.number} is labelled \`${escapePlain(group.agendaGithub?.label ?? 'for the agenda')}\` on GitHub: remove the label there, or mark it covered with \`/agenda done ${item.number}\`.`,
    );
  }
  await deps.agenda.remove(item.id);
  return { item, text: removedText(userId, item, meetingLabel(meeting.startsAt, group.timeZone)) };
}
