import type {
  AllMiddlewareArgs,
  MessageShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { plainFromMrkdwn } from '../../core/todo/plainText.js';
import {
  parseTodoModalMetadata,
  readTodoSubmission,
  TODO_MODAL,
  todoModalView,
} from '../../core/todo/todoModal.js';
import type { Services } from '../../services.js';
import type { ActionItem } from '../../core/model/actionItem.js';
import { announceActionItem, recordActionItem } from './recordActionItem.js';
import { permalinkOf } from './slackNames.js';
import { todoMeetings } from './todoMeetings.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const APOLOGY = 'Something went wrong on our side and nothing was saved. Please try again in a minute.';

/**
 * "Make action item" on a message: ack, then at once open the form prefilled with the
 * message's text; the item will link back to the message.
 */
export function openTodoModalFromMessage(services: Services) {
  return async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const log = services.log.child({ shortcut: shortcut.callback_id });
    const group = services.groups.byChannel(shortcut.channel.id);
    try {
      if (!group) {
        const channels = services.groups
          .all()
          .map((g) => g.channelLabel)
          .join(', ');
        await respond({
          response_type: 'ephemeral',
          text: `:warning: This channel belongs to no working group, so its messages cannot become action items.${channels ? ` Use it in ${channels}.` : ''}`,
        });
        return;
      }
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: todoModalView({
          groupName: group.name,
          author: slackUserId(shortcut.user.id),
          text: plainFromMrkdwn(shortcut.message.text ?? ''),
          metadata: {
            groupId: group.id,
            channelId: group.channelId,
            source: { channelId: shortcut.channel.id, ts: shortcut.message.ts },
          },
        }),
      });
    } catch (error) {
      log.error({ err: error }, 'opening the action item form failed');
    }
  };
}

/**
 * The form's submission: validated with the command's bounds, saved before the ack (problems
 * show in the form), then linked to its source message and announced in the channel.
 */
export function submitTodoModal(services: Services) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const log = services.log.child({ view: view.callback_id });
    const metadata = parseTodoModalMetadata(view.private_metadata);
    const group = metadata ? services.groups.byId(metadata.groupId) : undefined;
    if (!metadata || !group) {
      await ack({
        response_action: 'errors',
        errors: {
          [TODO_MODAL.textBlock]: 'This form is out of date: close it and open it again with /todo.',
        },
      });
      return;
    }
    const now = services.clock.now();
    let item: ActionItem;
    try {
      const meetings = await todoMeetings(services, group, now);
      const submission = readTodoSubmission(view.state.values, {
        now,
        timeZone: group.timeZone,
        nextMeetingDate: meetings.nextMeetingDate,
      });
      if (!submission.ok) {
        await ack({ response_action: 'errors', errors: { ...submission.errors } });
        return;
      }
      item = await recordActionItem(services, {
        group,
        owners: submission.owners,
        text: submission.text,
        due: submission.due,
        authorId: slackUserId(body.user.id),
        meetingStartsAt: meetings.meeting?.startsAt,
      });
    } catch (error) {
      log.error({ err: error }, 'recording an action item from the form failed');
      await ack({ response_action: 'errors', errors: { [TODO_MODAL.textBlock]: APOLOGY } });
      return;
    }
    await ack();
    try {
      if (metadata.source) {
        const link = await permalinkOf(services.slack, metadata.source.channelId, metadata.source.ts);
        if (link) item = await services.actionItems.setSourcePermalink(item.id, link, services.clock.now());
      }
      await announceActionItem(services, item, group.timeZone);
    } catch (error) {
      // The item is saved (and its issue on its way); only the announcement is missing.
      log.error({ err: error, itemId: item.id }, 'announcing an action item failed');
    }
  };
}
