import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { GavelError } from '../../core/errors.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import { slackUserId } from '../../core/ids.js';
import { parseMeetingKey } from '../../core/meeting/meetingKey.js';
import type { Log } from '../../core/ports/log.js';
import { checkedInReply } from '../../core/record/recordReplies.js';
import { checkIn, type CheckInDeps } from '../../usecases/record/checkIn.js';
import { afterAck } from '../interactionFailure.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "I'm here" on a meeting's start post: checks the person in and tells only them. */
export function checkInButton(
  deps: CheckInDeps & { readonly groups: Pick<GroupDirectory, 'byId'>; readonly log: Log },
) {
  return async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = slackUserId(body.user.id);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await afterAck(deps.log.child({ action: action.action_id }), 'checking in', tell, async () => {
      const meeting = parseMeetingKey(action.value ?? '');
      const group = meeting ? deps.groups.byId(meeting.groupId) : undefined;
      if (!meeting || !group)
        throw new GavelError('not_found', 'That meeting’s group is no longer configured.');
      const done = await checkIn(deps, { group, userId, others: [], startsAt: meeting.startsAt });
      await tell(checkedInReply(done.newly, done.already, done.label, false));
    });
  };
}
