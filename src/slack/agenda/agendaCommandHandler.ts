import { parseAgendaCommand } from '../../core/agenda/agendaCommand.js';
import { agendaModalView } from '../../core/agenda/agendaModal.js';
import { helpText } from '../../core/agenda/agendaReplies.js';
import { GavelError } from '../../core/errors.js';
import { addAgendaItem } from '../../usecases/agenda/addAgendaItem.js';
import { agendaModalData } from '../../usecases/agenda/agendaModalData.js';
import { coverAgendaItem } from '../../usecases/agenda/coverAgendaItem.js';
import { listAgenda } from '../../usecases/agenda/listAgenda.js';
import { moveAgendaItem } from '../../usecases/agenda/moveAgendaItem.js';
import { removeAgendaItem } from '../../usecases/agenda/removeAgendaItem.js';
import { reorderAgenda } from '../../usecases/agenda/reorderAgenda.js';
import type { CommandInput } from '../commands/commandListener.js';
import { AGENDA_HELP } from '../commands/helpText.js';
import { ephemeral, inChannel, modal, type Reply } from '../reply.js';
import type { AgendaDeps } from './agendaDeps.js';
import { agendaListView } from './agendaListView.js';

/**
 * `/agenda …`. Changes to what the group will discuss (add, remove, move) are announced in
 * the channel so everyone sees the agenda as it stands; list, done and every refusal answer
 * only the person who asked. Only local database work happens here, before the ack.
 */
export function agendaCommandHandler(
  deps: Pick<AgendaDeps, 'agenda' | 'occurrences' | 'clock' | 'groups' | 'queue'>,
): (input: CommandInput) => Promise<Reply> {
  return async (input) => {
    const command = parseAgendaCommand(input.text);
    const { group, userId } = input;
    switch (command.kind) {
      case 'open-modal':
        return modal(agendaModalView(await agendaModalData(deps, { group, selected: undefined })));
      case 'help':
        return ephemeral(helpText(AGENDA_HELP, command.unknown));
      case 'invalid':
        throw new GavelError('bad_input', command.message);
      case 'add': {
        const { text } = await addAgendaItem(deps, {
          group,
          date: command.date,
          topic: command.topic,
          details: null,
          userId,
          timeboxMinutes: command.timeboxMinutes,
        });
        return inChannel(text);
      }
      case 'list': {
        const reply = agendaListView(await listAgenda(deps, { group, userId, date: command.date }));
        return ephemeral(reply.text, reply.blocks);
      }
      case 'remove': {
        const { text } = await removeAgendaItem(deps, {
          group,
          userId,
          number: command.number,
          date: command.date,
        });
        return inChannel(text);
      }
      case 'move': {
        const { text } = await moveAgendaItem(deps, {
          group,
          userId,
          number: command.number,
          date: command.date,
        });
        return inChannel(text);
      }
      case 'shift':
      case 'order': {
        const { text } = await reorderAgenda(deps, { group, userId, request: command });
        return inChannel(text);
      }
      case 'done': {
        const { text } = await coverAgendaItem(deps, {
          userId,
          target: { group, number: command.number, date: command.date },
        });
        return ephemeral(text);
      }
    }
  };
}
