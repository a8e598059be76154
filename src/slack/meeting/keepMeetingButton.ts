import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { GavelError } from '../../core/errors.js';
import { slackUserId } from '../../core/ids.js';
import { parseMeetingKey } from '../../core/meeting/meetingKey.js';
import type { Log } from '../../core/ports/log.js';
import { keepMeeting, type KeepMeetingDeps } from '../../usecases/meeting/keepMeeting.js';
import { afterAck } from '../interactionFailure.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Keep the meeting" on the no-agenda notice: restores it and redraws the notice (leads only). */
export function keepMeetingButton(deps: KeepMeetingDeps & { readonly log: Log }) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = slackUserId(body.user.id);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await afterAck(deps.log.child({ action: action.action_id }), 'keeping a meeting', tell, async () => {
      const meeting = parseMeetingKey(action.value ?? '');
      const group = meeting ? deps.groups.byId(meeting.groupId) : undefined;
      if (!meeting || !group)
        throw new GavelError('not_found', 'That meeting’s group is no longer configured.');
      const ts: unknown = body.message?.ts;
      const channel = body.channel?.id ?? group.channelId;
      if (typeof ts !== 'string') throw new GavelError('not_found', 'That notice is no longer there.');
      await keepMeeting(deps, { group, userId, startsAt: meeting.startsAt, notice: { channel, ts } });
    });
  };
}
