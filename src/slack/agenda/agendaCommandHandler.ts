import { type AgendaCommand, parseAgendaCommand } from '../../core/agenda/agendaCommand.js';
import { agendaListReply } from '../../core/agenda/agendaListBlocks.js';
import { mayChangeItem, mayMarkCovered } from '../../core/agenda/agendaPermissions.js';
import { coveredText, helpText, movedText, removedText } from '../../core/agenda/agendaReplies.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { GavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import { mentionUser } from '../../core/mrkdwn.js';
import type { Services } from '../../services.js';
import type { AgendaItem } from '../../core/model/agendaItem.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { CommandInput } from '../commands/commandListener.js';
import { AGENDA_HELP } from '../commands/helpText.js';
import { ephemeral, inChannel, modal, type Reply } from '../reply.js';
import { addAgendaItem } from './addAgendaItem.js';
import { agendaModalFor } from './agendaModalFor.js';
import { findMeeting } from './agendaMeetings.js';

/**
 * `/agenda …`. Changes to what the group will discuss (add, remove, move) are announced in
 * the channel so everyone sees the agenda as it stands; list, done and every refusal answer
 * only the person who asked. Only local database work happens here, before the ack.
 */
export function agendaCommandHandler(services: Services): (input: CommandInput) => Promise<Reply> {
  return async (input) => {
    const command = parseAgendaCommand(input.text);
    const now = services.clock.now();
    const { group, userId } = input;
    const label = (startsAt: string) => meetingLabel(startsAt, group.timeZone);
    switch (command.kind) {
      case 'open-modal':
        return modal(await agendaModalFor(services, group, undefined, now));
      case 'help':
        return ephemeral(helpText(AGENDA_HELP, command.unknown));
      case 'invalid':
        throw new GavelError('bad_input', command.message);
      case 'add': {
        const meeting = await findMeeting(services, group, 'add', command.date, now);
        const { text } = await addAgendaItem(services, {
          group,
          meeting,
          topic: command.topic,
          details: null,
          userId,
        });
        return inChannel(text);
      }
      case 'list': {
        const meeting = await findMeeting(services, group, 'view', command.date, now);
        const items = await services.agenda.forMeeting(group.id, meeting.startsAt);
        const reply = agendaListReply({
          groupName: group.name,
          meetingTitle: meeting.title,
          meeting: label(meeting.startsAt),
          items,
          labelOf: label,
          canMarkCovered: mayMarkCovered(group, userId),
        });
        return ephemeral(reply.text, reply.blocks);
      }
      case 'remove': {
        const { meeting, item } = await itemOf(services, group, command, now);
        mustBeAllowedToChange(group, userId, item, 'remove');
        await services.agenda.remove(item.id);
        return inChannel(removedText(userId, item, label(meeting.startsAt)));
      }
      case 'move': {
        const { meeting, item } = await itemOf(
          services,
          group,
          { number: command.number, date: undefined },
          now,
        );
        mustBeAllowedToChange(group, userId, item, 'move');
        const target = await findMeeting(services, group, 'add', command.date, now);
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
        const moved = await services.agenda.move(item.id, target.startsAt, services.clock.now());
        return inChannel(movedText(userId, item, moved, label(meeting.startsAt), label(target.startsAt)));
      }
      case 'done': {
        if (!mayMarkCovered(group, userId)) {
          throw new GavelError(
            'not_a_lead',
            `Only a lead (${group.leads.map(mentionUser).join(', ')}) can mark items covered.`,
          );
        }
        const { meeting, item } = await itemOf(services, group, command, now);
        if (item.status === 'covered') {
          return ephemeral(`#${item.number} of ${label(meeting.startsAt)} is already marked covered.`);
        }
        const covered = await services.agenda.setStatus(item.id, 'covered', services.clock.now());
        return ephemeral(coveredText(covered, label(meeting.startsAt)));
      }
    }
  };
}

/** Item n of the current meeting (or of the meeting on the given date). */
async function itemOf(
  services: Services,
  group: ResolvedGroup,
  ref: Pick<Extract<AgendaCommand, { kind: 'remove' }>, 'number' | 'date'>,
  now: Date,
): Promise<{ meeting: Occurrence; item: AgendaItem }> {
  const meeting = await findMeeting(services, group, 'view', ref.date, now);
  const item = await services.agenda.byNumber(group.id, meeting.startsAt, ref.number);
  if (!item) {
    throw new GavelError(
      'not_found',
      `There is no item #${ref.number} on the agenda of ${meetingLabel(meeting.startsAt, group.timeZone)}. See \`/agenda list\`${ref.date ? ` ${ref.date}` : ''}.`,
    );
  }
  return { meeting, item };
}

function mustBeAllowedToChange(
  group: ResolvedGroup,
  userId: SlackUserId,
  item: AgendaItem,
  verb: string,
): void {
  if (mayChangeItem(group, userId, item)) return;
  throw new GavelError(
    'not_allowed',
    `Only its author (${mentionUser(item.authorId)}) or a lead can ${verb} #${item.number}. Ask them, or add your own item with \`/agenda add\`.`,
  );
}
