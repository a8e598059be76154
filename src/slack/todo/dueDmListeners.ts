import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isGavelError } from '../../core/errors.js';
import { slackUserId } from '../../core/ids.js';
import { escapeMrkdwn } from '../../core/mrkdwn.js';
import { snoozedDue } from '../../core/todo/dueReminder.js';
import { dueLabel, todayIn } from '../../core/todo/localDates.js';
import { todoDueJobSpec } from '../../jobs/todoDueJob.js';
import { todoMessageJobSpec } from '../../jobs/todoMessageJob.js';
import type { Services } from '../../services.js';
import { mustBeAllowed, setActionItemStatus } from './changeActionItem.js';
import { actionItemId } from '../../core/model/actionItem.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Done" and "Snooze a week" in the due-date DM. The DM is replaced by what happened, so its
 * buttons cannot be pressed twice; the channel message and the GitHub issue follow by job.
 */
export function dueDmListener(services: Services, choice: 'done' | 'snooze') {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = services.log.child({ action: action.action_id });
    const answer = (text: string, replace: boolean) =>
      respond({ replace_original: replace, text }).catch((e: unknown) =>
        log.warn({ err: e }, 'respond failed'),
      );
    try {
      const item = await services.actionItems.byId(actionItemId(Number(action.value)));
      const group = item ? services.groups.byId(item.groupId) : undefined;
      if (!item || !group) {
        await answer(':warning: That action item no longer exists.', true);
        return;
      }
      const user = slackUserId(body.user.id);
      const now = services.clock.now();
      const today = todayIn(now, group.timeZone);
      if (choice === 'done') {
        await setActionItemStatus(services, group, user, item, 'done');
        await answer(
          `:white_check_mark: Done: action item #${item.number}: ${escapeMrkdwn(item.text)}`,
          true,
        );
        return;
      }
      mustBeAllowed(group, user, item, 'snooze');
      if (item.status !== 'open') {
        await answer(`Action item #${item.number} is already done.`, true);
        return;
      }
      const due = snoozedDue(item.dueDate, today);
      const updated = await services.actionItems.setDueDate(item.id, due, now);
      await services.queue.enqueue([todoMessageJobSpec(updated, now), todoDueJobSpec(item.id, due)], now);
      await answer(
        `:zzz: Snoozed action item #${item.number} to ${dueLabel(due, today)}: ${escapeMrkdwn(item.text)}`,
        true,
      );
    } catch (error) {
      if (isGavelError(error)) {
        await answer(`:warning: ${error.userMessage}`, false);
        return;
      }
      log.error({ err: error }, 'the due-date DM button failed');
      await answer(
        ':x: Something went wrong on our side and nothing was changed. Please try again in a minute.',
        false,
      );
    }
  };
}
