import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { actionItemId } from '../../core/model/actionItem.js';
import { setActionItemStatus } from '../../usecases/todo/changeActionItem.js';
import { actionItemById } from '../../usecases/todo/findActionItem.js';
import { afterAck } from '../interactionFailure.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Mark done" on an item's message: an owner, the author or a lead marks it done; the
 * message is redrawn and the GitHub issue closed by the durable jobs that follow.
 */
export function markDoneListener(deps: TodoSlackDeps) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await afterAck(
      deps.log.child({ action: action.action_id }),
      'marking an action item done',
      tell,
      async () => {
        const found = await actionItemById(deps, actionItemId(Number(action.value)));
        if (!found) {
          await tell(':warning: That action item no longer exists.');
          return;
        }
        const { item, group } = found;
        const { text } = await setActionItemStatus(
          deps,
          { group, user: slackUserId(body.user.id), item },
          'done',
        );
        if (!text) await tell(`Action item #${item.number} is already done.`);
      },
    );
  };
}
