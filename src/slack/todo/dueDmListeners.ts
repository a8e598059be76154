import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { actionItemId } from '../../core/model/actionItem.js';
import { escapeMrkdwn } from '../../core/mrkdwn.js';
import { dueLabel } from '../../core/todo/localDates.js';
import { setActionItemStatus, snoozeActionItem } from '../../usecases/todo/changeActionItem.js';
import { actionItemById } from '../../usecases/todo/findActionItem.js';
import { afterAck } from '../interactionFailure.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Done" and "Snooze a week" in the due-date DM. The DM is replaced by what happened, so its
 * buttons cannot be pressed twice; the channel message and the GitHub issue follow by job.
 */
export function dueDmListener(deps: TodoSlackDeps, choice: 'done' | 'snooze') {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const answer = (text: string, replace: boolean) => respond({ replace_original: replace, text });
    const replaceDm = (text: string) => answer(text, true);
    await afterAck(
      deps.log.child({ action: action.action_id }),
      'the due-date DM button',
      (text) => answer(text, false),
      async () => {
        const found = await actionItemById(deps, actionItemId(Number(action.value)));
        if (!found) {
          await replaceDm(':warning: That action item no longer exists.');
          return;
        }
        const { item } = found;
        const change = { ...found, user: slackUserId(body.user.id) };
        if (choice === 'done') {
          await setActionItemStatus(deps, change, 'done');
          await replaceDm(`:white_check_mark: Done: action item #${item.number}: ${escapeMrkdwn(item.text)}`);
          return;
        }
        const snoozed = await snoozeActionItem(deps, change);
        await replaceDm(
          snoozed.kind === 'already-done'
            ? `Action item #${item.number} is already done.`
            : `:zzz: Snoozed action item #${item.number} to ${dueLabel(snoozed.due, snoozed.today)}: ${escapeMrkdwn(item.text)}`,
        );
      },
    );
  };
}
