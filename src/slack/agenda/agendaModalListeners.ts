import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { AGENDA_MODAL, parseModalMetadata, readAgendaSubmission } from '../../core/agenda/agendaModal.js';
import { isGavelError } from '../../core/errors.js';
import { slackUserId } from '../../core/ids.js';
import type { Services } from '../../services.js';
import { parseMeetingKey } from '../meetingKey.js';
import { addAgendaItem } from './addAgendaItem.js';
import { agendaModalFor } from './agendaModalFor.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const APOLOGY = 'Something went wrong on our side and nothing was saved. Please try again in a minute.';

/**
 * The reminder's "Add agenda item" button: ack at once, then open the modal with the
 * reminder's meeting preselected (or the next one, if that has started meanwhile).
 */
export function openAgendaModalFromButton(services: Services) {
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = services.log.child({ action: action.action_id });
    const key = parseMeetingKey(action.value ?? '');
    const group =
      (key && services.groups.byId(key.groupId)) ??
      (body.channel ? services.groups.byChannel(body.channel.id) : undefined);
    try {
      if (!group) {
        await tell(respond, 'This button belongs to a working group that is no longer configured.');
        return;
      }
      const view = await agendaModalFor(services, group, key?.startsAt, services.clock.now());
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      if (isGavelError(error)) {
        await tell(respond, `:warning: ${error.userMessage}`).catch((e: unknown) =>
          log.warn({ err: e }, 'respond failed'),
        );
        return;
      }
      log.error({ err: error }, 'opening the agenda modal failed');
    }
  };
}

/**
 * The modal's submission: validates, records the item (a local write before the ack), closes
 * the modal, then announces the item in the group's channel. Problems show in the modal.
 */
export function submitAgendaModal(services: Services) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const log = services.log.child({ view: view.callback_id });
    const metadata = parseModalMetadata(view.private_metadata);
    const group = metadata ? services.groups.byId(metadata.groupId) : undefined;
    if (!group) {
      await ack({
        response_action: 'errors',
        errors: {
          [AGENDA_MODAL.topicBlock]: 'This form is out of date: close it and open it again with /agenda.',
        },
      });
      return;
    }
    const submission = readAgendaSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: { ...submission.errors } });
      return;
    }
    let text: string;
    try {
      const now = services.clock.now();
      const meeting = await services.occurrences.find(group.id, submission.meetingStartsAt);
      if (!meeting || meeting.status !== 'scheduled' || meeting.startsAt <= now.toISOString()) {
        await ack({
          response_action: 'errors',
          errors: {
            [AGENDA_MODAL.meetingBlock]: 'That meeting has started or was cancelled. Choose another one.',
          },
        });
        return;
      }
      ({ text } = await addAgendaItem(services, {
        group,
        meeting,
        topic: submission.topic,
        details: submission.details,
        userId: slackUserId(body.user.id),
      }));
    } catch (error) {
      log.error({ err: error }, 'adding an agenda item from the modal failed');
      await ack({ response_action: 'errors', errors: { [AGENDA_MODAL.topicBlock]: APOLOGY } });
      return;
    }
    await ack();
    try {
      await client.chat.postMessage({
        channel: group.channelId,
        text,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      // The item is saved; only the announcement is missing. Tell the operator, not the user.
      log.error({ err: error, channel: group.channelId }, 'announcing an agenda item failed');
    }
  };
}

const tell = (respond: ButtonArgs['respond'], text: string) =>
  respond({ response_type: 'ephemeral', replace_original: false, text });
