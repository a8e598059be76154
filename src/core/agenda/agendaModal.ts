import type { ModalView, PlainTextOption } from '@slack/types';
import { escapePlain } from '../mrkdwn.js';
import { clipCharacters } from './characters.js';
import { DETAILS_MAX, TOPIC_MAX, validateDetails, validateTopic } from './agendaCommand.js';
import { meetingOptionLabel } from './meetingLabel.js';
import { parseTimebox, timeboxProblem } from './timebox.js';

/** Ids of the "Add agenda item" modal, shared by the view, its submission and the tests. */
export const AGENDA_MODAL = {
  callbackId: 'agenda.add',
  topicBlock: 'agenda_topic',
  topicAction: 'topic',
  detailsBlock: 'agenda_details',
  detailsAction: 'details',
  timeboxBlock: 'agenda_timebox',
  timeboxAction: 'timebox',
  meetingBlock: 'agenda_meeting',
  meetingAction: 'meeting',
} as const;

/** What the modal carries from its opening to its submission. */
export interface AgendaModalMetadata {
  readonly groupId: string;
  /** Where the confirmation is posted. */
  readonly channelId: string;
}

export interface AgendaModalInput {
  readonly groupName: string;
  readonly timeZone: string;
  /** Upcoming meetings, soonest first. */
  readonly meetings: readonly { readonly startsAt: string; readonly title: string }[];
  /** The meeting selected at first (defaults to the soonest). */
  readonly selected?: string | undefined;
  readonly metadata: AgendaModalMetadata;
}

/** How many upcoming meetings the date picker offers. */
export const MODAL_MEETINGS = 8;

/** The modal: topic, optional details or link, and which upcoming meeting. Pure. */
export function agendaModalView(input: AgendaModalInput): ModalView {
  const options: PlainTextOption[] = input.meetings.slice(0, MODAL_MEETINGS).map((m) => ({
    text: {
      type: 'plain_text',
      text: clipCharacters(`${meetingOptionLabel(m.startsAt, input.timeZone)} · ${m.title}`, 75),
    },
    value: m.startsAt,
  }));
  const initial = options.find((o) => o.value === input.selected) ?? options[0];
  return {
    type: 'modal',
    callback_id: AGENDA_MODAL.callbackId,
    private_metadata: JSON.stringify(input.metadata),
    title: { type: 'plain_text', text: 'Add agenda item' },
    submit: { type: 'plain_text', text: 'Add' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `For the next meetings of *${escapePlain(input.groupName)}*` }],
      },
      {
        type: 'input',
        block_id: AGENDA_MODAL.topicBlock,
        label: { type: 'plain_text', text: 'Topic' },
        element: {
          type: 'plain_text_input',
          action_id: AGENDA_MODAL.topicAction,
          max_length: TOPIC_MAX,
          placeholder: { type: 'plain_text', text: 'What should the group discuss?' },
        },
      },
      {
        type: 'input',
        block_id: AGENDA_MODAL.detailsBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Details or link' },
        element: {
          type: 'plain_text_input',
          action_id: AGENDA_MODAL.detailsAction,
          multiline: true,
          max_length: DETAILS_MAX,
        },
      },
      {
        type: 'input',
        block_id: AGENDA_MODAL.timeboxBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Timebox' },
        hint: { type: 'plain_text', text: 'How long the group should spend on it: 15m, 1h, 90m (up to 4h).' },
        element: {
          type: 'plain_text_input',
          action_id: AGENDA_MODAL.timeboxAction,
          max_length: 10,
          placeholder: { type: 'plain_text', text: '15m' },
        },
      },
      {
        type: 'input',
        block_id: AGENDA_MODAL.meetingBlock,
        label: { type: 'plain_text', text: 'Meeting' },
        element: {
          type: 'static_select',
          action_id: AGENDA_MODAL.meetingAction,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
    ],
  };
}

export function parseModalMetadata(raw: string): AgendaModalMetadata | undefined {
  try {
    const value = JSON.parse(raw) as Partial<AgendaModalMetadata> | null;
    return typeof value?.groupId === 'string' && typeof value.channelId === 'string'
      ? { groupId: value.groupId, channelId: value.channelId }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The shape of `view.state.values` this modal reads (a subset of Slack's). */
export type ViewValues = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        { readonly value?: string | null; readonly selected_option?: { readonly value: string } | null }
      >
    >
  >
>;

export type AgendaSubmission =
  | {
      readonly ok: true;
      readonly topic: string;
      readonly details: string | null;
      readonly timeboxMinutes: number | null;
      readonly meetingStartsAt: string;
    }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** Validates a submission; errors are keyed by block id, as `response_action: errors` wants. */
export function readAgendaSubmission(values: ViewValues): AgendaSubmission {
  const topic = validateTopic(values[AGENDA_MODAL.topicBlock]?.[AGENDA_MODAL.topicAction]?.value ?? '');
  const details = validateDetails(values[AGENDA_MODAL.detailsBlock]?.[AGENDA_MODAL.detailsAction]?.value);
  const meeting = values[AGENDA_MODAL.meetingBlock]?.[AGENDA_MODAL.meetingAction]?.selected_option?.value;
  const timebox = readTimebox(values[AGENDA_MODAL.timeboxBlock]?.[AGENDA_MODAL.timeboxAction]?.value);
  const errors: Record<string, string> = {};
  if (!topic.ok) {
    errors[AGENDA_MODAL.topicBlock] =
      topic.reason === 'empty'
        ? 'Say what the topic is.'
        : `Keep the topic to ${TOPIC_MAX} characters; put the rest in the details.`;
  }
  if (!details.ok) errors[AGENDA_MODAL.detailsBlock] = details.message;
  if (!meeting) errors[AGENDA_MODAL.meetingBlock] = 'Choose a meeting.';
  if (!timebox.ok) errors[AGENDA_MODAL.timeboxBlock] = timebox.message;
  if (!topic.ok || !details.ok || !meeting || !timebox.ok) return { ok: false, errors };
  return {
    ok: true,
    topic: topic.topic,
    details: details.details,
    timeboxMinutes: timebox.minutes,
    meetingStartsAt: meeting,
  };
}

/** The form's timebox: empty for none; `15`, `15m`, `1h`, `1h30m`; 1–240 minutes. */
function readTimebox(
  raw: string | null | undefined,
): { ok: true; minutes: number | null } | { ok: false; message: string } {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, minutes: null };
  const minutes = parseTimebox(text, { bareMinutes: true });
  if (minutes === undefined) return { ok: false, message: 'Write a duration like 15m, 1h or 90m.' };
  const problem = timeboxProblem(minutes);
  return problem ? { ok: false, message: problem } : { ok: true, minutes };
}
