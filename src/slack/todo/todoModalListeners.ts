import type {
  AllMiddlewareArgs,
  MessageShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import type { ActionItem } from '../../core/model/actionItem.js';
import { slackToPlain } from '../../core/minutes/slackToPlain.js';
import {
  parseTodoModalMetadata,
  readTodoSubmission,
  TODO_MODAL,
  todoModalView,
} from '../../core/todo/todoModal.js';
import { itemMeetings } from '../../usecases/todo/itemMeetings.js';
import { announceActionItem, recordActionItem } from '../../usecases/todo/recordActionItem.js';
import { afterAck, FORM_APOLOGY } from '../interactionFailure.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * "Make action item" on a message: ack, then at once open the form prefilled with the
 * message's text; the item will link back to the message.
 */
export function openTodoModalFromMessage(deps: TodoSlackDeps) {
  return async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    const group = deps.groups.byChannel(shortcut.channel.id);
    await afterAck(
      deps.log.child({ shortcut: shortcut.callback_id }),
      'opening the action item form',
      tell,
      async () => {
        if (!group) {
          const channels = deps.groups
            .all()
            .map((g) => g.channelLabel)
            .join(', ');
          await tell(
            `:warning: This channel belongs to no working group, so its messages cannot become action items.${channels ? ` Use it in ${channels}.` : ''}`,
          );
          return;
        }
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: todoModalView({
            groupName: group.name,
            author: slackUserId(shortcut.user.id),
            text: slackToPlain(shortcut.message.text ?? '', {}, { everyToken: true }),
            metadata: {
              groupId: group.id,
              channelId: group.channelId,
              source: { channelId: shortcut.channel.id, ts: shortcut.message.ts },
            },
          }),
        });
      },
      { apologise: false },
    );
  };
}

/**
 * The form's submission: validated with the command's bounds, saved before the ack (problems
 * show in the form), then linked to its source message and announced in the channel.
 */
export function submitTodoModal(deps: TodoSlackDeps) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const log = deps.log.child({ view: view.callback_id });
    const metadata = parseTodoModalMetadata(view.private_metadata);
    const group = metadata ? deps.groups.byId(metadata.groupId) : undefined;
    if (!metadata || !group) {
      await ack({
        response_action: 'errors',
        errors: {
          [TODO_MODAL.textBlock]: 'This form is out of date: close it and open it again with /todo.',
        },
      });
      return;
    }
    const now = deps.clock.now();
    let item: ActionItem;
    try {
      const meetings = await itemMeetings(deps, group, now);
      const submission = readTodoSubmission(view.state.values, {
        now,
        timeZone: group.timeZone,
        nextMeetingDate: meetings.nextMeetingDate,
      });
      if (!submission.ok) {
        await ack({ response_action: 'errors', errors: { ...submission.errors } });
        return;
      }
      item = await recordActionItem(deps, {
        group,
        owners: submission.owners,
        text: submission.text,
        due: submission.due,
        authorId: slackUserId(body.user.id),
        meetingStartsAt: meetings.meeting?.startsAt,
      });
    } catch (error) {
      log.error({ err: error }, 'recording an action item from the form failed');
      await ack({ response_action: 'errors', errors: { [TODO_MODAL.textBlock]: FORM_APOLOGY } });
      return;
    }
    await ack();
    // The item is saved (and its issue on its way); only the announcement can be missing, and
    // the form is closed: nobody to tell but the operator.
    const saved = item;
    await afterAck(
      log.child({ itemId: saved.id }),
      'announcing an action item',
      () => Promise.resolve(),
      async () => {
        await announceActionItem(deps, saved, group.timeZone, metadata.source);
      },
      { apologise: false },
    );
  };
}
