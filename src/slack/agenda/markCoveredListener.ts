import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { agendaListReply } from '../../core/agenda/agendaListBlocks.js';
import { mayMarkCovered } from '../../core/agenda/agendaPermissions.js';
import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { slackUserId } from '../../core/ids.js';
import { mentionUser } from '../../core/mrkdwn.js';
import type { Services } from '../../services.js';
import { agendaItemId } from '../../core/model/agendaItem.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A lead's "Covered" button in `/agenda list`: marks the item and refreshes the list in place. */
export function markCoveredListener(services: Services) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = services.log.child({ action: action.action_id });
    const userId = slackUserId(body.user.id);
    try {
      const item = await services.agenda.byId(agendaItemId(Number(action.value)));
      const group = item ? services.groups.byId(item.groupId) : undefined;
      if (!item || !group) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: ':warning: That item is no longer on the agenda.',
        });
        return;
      }
      if (!mayMarkCovered(group, userId)) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: `:warning: Only a lead (${group.leads.map(mentionUser).join(', ')}) can mark items covered.`,
        });
        return;
      }
      await services.agenda.setStatus(item.id, 'covered', services.clock.now());
      const meeting = await services.occurrences.find(group.id, item.meetingStartsAt);
      const label = (startsAt: string) => meetingLabel(startsAt, group.timeZone);
      const reply = agendaListReply({
        groupName: group.name,
        meetingTitle: meeting?.title ?? '',
        meeting: label(item.meetingStartsAt),
        items: await services.agenda.forMeeting(group.id, item.meetingStartsAt),
        labelOf: label,
        canMarkCovered: true,
      });
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: reply.text,
        ...(reply.blocks ? { blocks: reply.blocks } : {}),
      });
    } catch (error) {
      log.error({ err: error }, 'marking an agenda item covered failed');
    }
  };
}
