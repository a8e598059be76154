import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { escapeMrkdwn } from '../../core/mrkdwn.js';
import { parseTodoItem } from '../../core/todo/todoCommand.js';
import { readConfirmValue } from '../../core/todo/todoConfirm.js';
import { itemMeetings } from '../../usecases/todo/itemMeetings.js';
import { announceActionItem } from '../../usecases/todo/recordActionItem.js';
import { recordConfirmedItem } from '../../usecases/todo/recordConfirmedItem.js';
import { afterAck } from '../interactionFailure.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Record it anyway" under `/todo`'s question: the text the button carries is parsed and
 * checked again as an item of the channel's group, by the person who pressed (the question
 * was shown to them alone), and recorded once however often it is pressed. The question is
 * replaced by what happened; the item is announced in the channel as any other.
 */
export function confirmRecordListener(deps: TodoSlackDeps) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const replace = (text: string) => respond({ replace_original: true, text });
    const log = deps.log.child({ action: action.action_id });
    await afterAck(log, 'recording a confirmed action item', replace, async () => {
      const now = deps.clock.now();
      const read = readConfirmValue(action.value, now);
      if (!read.ok) {
        await replace(`:warning: ${read.message}`);
        return;
      }
      const group = body.channel ? deps.groups.byChannel(body.channel.id) : undefined;
      if (!group) {
        await replace(':warning: This channel belongs to no working group any more; nothing was recorded.');
        return;
      }
      const authorId = slackUserId(body.user.id);
      const meetings = await itemMeetings(deps, group, now);
      const item = parseTodoItem(read.value.text, {
        now,
        timeZone: group.timeZone,
        nextMeetingDate: meetings.nextMeetingDate,
        authorId,
      });
      if (item.kind === 'invalid') {
        await replace(`:warning: ${item.message}`);
        return;
      }
      const recorded = await recordConfirmedItem(deps, read.value.nonce, {
        group,
        owners: item.owners,
        text: item.text,
        due: item.due,
        authorId,
        meetingStartsAt: meetings.meeting?.startsAt,
      });
      if (recorded.kind === 'already') {
        await replace('That was recorded already: see `/todo list`.');
        return;
      }
      const saved = recorded.item;
      await replace(`:white_check_mark: Recorded action item #${saved.number}: ${escapeMrkdwn(saved.text)}`);
      try {
        await announceActionItem(deps, saved, group.timeZone);
      } catch (error) {
        log.error({ err: error, itemId: saved.id }, 'announcing an action item failed');
        await replace(
          `:warning: Action item #${saved.number} is saved, but posting it in the channel failed. It is in \`/todo list\`.`,
        );
      }
    });
  };
}

/** "Cancel": the question goes away (response_url's delete_original); nothing was saved. */
export function confirmCancelListener(deps: TodoSlackDeps) {
  return async ({ ack, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    await afterAck(
      deps.log.child({ action: action.action_id }),
      'cancelling a /todo question',
      () => Promise.resolve(),
      async () => {
        await respond({ delete_original: true, text: 'Cancelled: nothing was recorded.' });
      },
      { apologise: false },
    );
  };
}
