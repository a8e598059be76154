import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isGavelError } from '../../core/errors.js';
import { slackUserId } from '../../core/ids.js';
import type { Services } from '../../services.js';
import { setActionItemStatus } from './changeActionItem.js';
import { actionItemId } from '../../core/model/actionItem.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Mark done" on an item's message: an owner, the author or a lead marks it done; the
 * message is redrawn and the GitHub issue closed by the durable jobs that follows.
 */
export function markDoneListener(services: Services) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = services.log.child({ action: action.action_id });
    const tell = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text }).catch((e: unknown) =>
        log.warn({ err: e }, 'respond failed'),
      );
    try {
      const item = await services.actionItems.byId(actionItemId(Number(action.value)));
      const group = item ? services.groups.byId(item.groupId) : undefined;
      if (!item || !group) {
        await tell(':warning: That action item no longer exists.');
        return;
      }
      const { text } = await setActionItemStatus(services, group, slackUserId(body.user.id), item, 'done');
      if (!text) await tell(`Action item #${item.number} is already done.`);
    } catch (error) {
      if (isGavelError(error)) {
        await tell(`:warning: ${error.userMessage}`);
        return;
      }
      log.error({ err: error }, 'marking an action item done failed');
      await tell(
        ':x: Something went wrong on our side and nothing was changed. Please try again in a minute.',
      );
    }
  };
}
