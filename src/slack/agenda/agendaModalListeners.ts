import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import {
  AGENDA_MODAL,
  agendaModalView,
  parseModalMetadata,
  readAgendaSubmission,
} from '../../core/agenda/agendaModal.js';
import { slackUserId } from '../../core/ids.js';
import { parseMeetingKey } from '../../core/meeting/meetingKey.js';
import { addAgendaItemFromForm, type FormAddOutcome } from '../../usecases/agenda/addAgendaItem.js';
import { agendaModalData } from '../../usecases/agenda/agendaModalData.js';
import { afterAck, FORM_APOLOGY } from '../interactionFailure.js';
import type { AgendaDeps } from './agendaDeps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The reminder's "Add agenda item" button: ack at once, then open the modal with the
 * reminder's meeting preselected (or the next one, if that has started meanwhile).
 */
export function openAgendaModalFromButton(
  deps: Pick<AgendaDeps, 'groups' | 'log' | 'occurrences' | 'clock'>,
) {
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const key = parseMeetingKey(action.value ?? '');
    const group =
      (key && deps.groups.byId(key.groupId)) ??
      (body.channel ? deps.groups.byChannel(body.channel.id) : undefined);
    await afterAck(
      deps.log.child({ action: action.action_id }),
      'opening the agenda modal',
      tell,
      async () => {
        if (!group) {
          await tell('This button belongs to a working group that is no longer configured.');
          return;
        }
        const view = agendaModalView(await agendaModalData(deps, { group, selected: key?.startsAt }));
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
      { apologise: false },
    );
  };
}

/**
 * The modal's submission: validates, records the item (a local write before the ack), closes
 * the modal, then announces the item in the group's channel. Problems show in the modal.
 */
export function submitAgendaModal(
  deps: Pick<AgendaDeps, 'groups' | 'log' | 'agenda' | 'occurrences' | 'clock' | 'workspace' | 'queue'>,
) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const log = deps.log.child({ view: view.callback_id });
    const metadata = parseModalMetadata(view.private_metadata);
    const group = metadata ? deps.groups.byId(metadata.groupId) : undefined;
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
    let outcome: FormAddOutcome;
    try {
      outcome = await addAgendaItemFromForm(deps, {
        group,
        meetingStartsAt: submission.meetingStartsAt,
        topic: submission.topic,
        details: submission.details,
        timeboxMinutes: submission.timeboxMinutes ?? undefined,
        userId: slackUserId(body.user.id),
      });
    } catch (error) {
      log.error({ err: error }, 'adding an agenda item from the modal failed');
      await ack({ response_action: 'errors', errors: { [AGENDA_MODAL.topicBlock]: FORM_APOLOGY } });
      return;
    }
    if (outcome.kind === 'meeting-unavailable') {
      await ack({
        response_action: 'errors',
        errors: {
          [AGENDA_MODAL.meetingBlock]: 'That meeting has started or was cancelled. Choose another one.',
        },
      });
      return;
    }
    await ack();
    try {
      await deps.workspace.post(group.channelId, { text: outcome.text, unfurl: false });
    } catch (error) {
      // The item is saved; only the announcement is missing. Tell the operator, not the user.
      log.error({ err: error, channel: group.channelId }, 'announcing an agenda item failed');
    }
  };
}
