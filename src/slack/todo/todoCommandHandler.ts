import { GavelError } from '../../core/errors.js';
import { actionItemList } from '../../core/todo/actionItemList.js';
import { parseTodoCommand } from '../../core/todo/todoCommand.js';
import { confirmBlocks, encodeConfirmValue } from '../../core/todo/todoConfirm.js';
import { todoModalView } from '../../core/todo/todoModal.js';
import { editActionItem, setActionItemStatus } from '../../usecases/todo/changeActionItem.js';
import { findActionItem } from '../../usecases/todo/findActionItem.js';
import { itemMeetings } from '../../usecases/todo/itemMeetings.js';
import { listActionItems } from '../../usecases/todo/listActionItems.js';
import { announceActionItem, recordActionItem } from '../../usecases/todo/recordActionItem.js';
import type { CommandInput } from '../commands/commandListener.js';
import { TODO_HELP } from '../commands/helpText.js';
import { deferred, ephemeral, inChannel, modal, type Reply } from '../reply.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

/**
 * After a deferred answer that already spoke in the channel: the command listener sends only
 * ephemeral and in-channel replies through response_url, so this one says nothing more.
 */
const NOTHING_MORE: Reply = deferred(() => Promise.resolve(ephemeral('')));

/**
 * `/todo …`. A new item is saved before the ack and announced with chat.postMessage right
 * after it (the message's ts is the thread for its follow-ups); done, reopen and edit are
 * said in the channel; the list and every refusal only to the person who asked.
 */
export function todoCommandHandler(deps: TodoSlackDeps): (input: CommandInput) => Promise<Reply> {
  return async (input) => {
    const now = deps.clock.now();
    const { group, userId } = input;
    const meetings = await itemMeetings(deps, group, now);
    const command = parseTodoCommand(input.text, {
      now,
      timeZone: group.timeZone,
      nextMeetingDate: meetings.nextMeetingDate,
      authorId: userId,
    });
    switch (command.kind) {
      case 'open-modal':
        return modal(
          todoModalView({
            groupName: group.name,
            author: userId,
            metadata: { groupId: group.id, channelId: group.channelId },
          }),
        );
      case 'help':
        return ephemeral(TODO_HELP);
      case 'invalid':
        throw new GavelError('bad_input', command.message);
      case 'confirm': {
        // Nothing is saved: the button carries the text, checked again when it is pressed.
        const value = encodeConfirmValue({
          nonce: input.triggerId,
          text: input.text,
          askedAt: now.getTime(),
        });
        const fallback = 'To record it, name its owner first: `/todo @you …`.';
        return ephemeral(command.question, confirmBlocks(command.question, value, fallback));
      }
      case 'create': {
        const item = await recordActionItem(deps, {
          group,
          owners: command.owners,
          text: command.text,
          due: command.due,
          authorId: userId,
          meetingStartsAt: meetings.meeting?.startsAt,
        });
        return deferred(async () => {
          try {
            await announceActionItem(deps, item, group.timeZone);
            return NOTHING_MORE;
          } catch (error) {
            deps.log.error({ err: error, itemId: item.id }, 'announcing an action item failed');
            return ephemeral(
              `:warning: Action item #${item.number} is saved, but posting it in the channel failed. It is in \`/todo list\`.`,
            );
          }
        });
      }
      case 'list': {
        const { items, today } = await listActionItems(deps, {
          group,
          viewer: userId,
          filter: command.filter,
        });
        return ephemeral(
          actionItemList({ groupName: group.name, filter: command.filter, viewer: userId, items, today }),
        );
      }
      case 'done':
      case 'reopen': {
        const item = await findActionItem(deps, group, command.number);
        const status = command.kind === 'done' ? 'done' : 'open';
        const { text } = await setActionItemStatus(deps, { group, user: userId, item }, status);
        return text
          ? inChannel(text)
          : ephemeral(`Action item #${item.number} is already ${command.kind === 'done' ? 'done' : 'open'}.`);
      }
      case 'edit': {
        const item = await findActionItem(deps, group, command.number);
        return inChannel(await editActionItem(deps, { group, user: userId, item }, command.text));
      }
    }
  };
}
