import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { agendaItemId } from '../../core/model/agendaItem.js';
import { coverAgendaItem } from '../../usecases/agenda/coverAgendaItem.js';
import { meetingAgenda } from '../../usecases/agenda/listAgenda.js';
import { afterAck } from '../interactionFailure.js';
import type { AgendaDeps } from './agendaDeps.js';
import { agendaListView } from './agendaListView.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A lead's "Covered" button in `/agenda list`: marks the item and refreshes the list in place. */
export function markCoveredListener(
  deps: Pick<AgendaDeps, 'groups' | 'log' | 'agenda' | 'occurrences' | 'clock'>,
) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = slackUserId(body.user.id);
    await afterAck(
      deps.log.child({ action: action.action_id }),
      'marking an agenda item covered',
      (text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
      async () => {
        const { group, item } = await coverAgendaItem(deps, {
          userId,
          target: { itemId: agendaItemId(Number(action.value)) },
        });
        const reply = agendaListView(
          await meetingAgenda(deps, { group, userId, meetingStartsAt: item.meetingStartsAt }),
        );
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: reply.text,
          ...(reply.blocks ? { blocks: reply.blocks } : {}),
        });
      },
      { apologise: false },
    );
  };
}
