import type { ModalView } from '@slack/types';
import { isSlackUserId, type LocalDate, type SlackUserId } from '../ids.js';
import { escapePlain } from '../mrkdwn.js';
import { clipCharacters } from '../agenda/characters.js';
import { parseWhen, type WhenContext } from './parseWhen.js';
import { ownersProblem, TODO_OWNERS_MAX, TODO_TEXT_MAX, validateTodoText } from './todoBounds.js';

/** Ids of the "Action item" modal, shared by the view, its submission and the tests. */
export const TODO_MODAL = {
  callbackId: 'todo.create',
  ownersBlock: 'todo_owners',
  ownersAction: 'owners',
  textBlock: 'todo_text',
  textAction: 'text',
  dueBlock: 'todo_due',
  dueAction: 'due',
} as const;

/** What the modal carries from its opening to its submission. */
export interface TodoModalMetadata {
  readonly groupId: string;
  /** Where the item is announced. */
  readonly channelId: string;
  /** The message it was made from (message shortcut), to link back to. */
  readonly source?: { readonly channelId: string; readonly ts: string };
}

export interface TodoModalInput {
  readonly groupName: string;
  readonly author: SlackUserId;
  readonly text?: string;
  readonly metadata: TodoModalMetadata;
}

/** The modal: owners (the author at first), what, and an optional due date. Pure. */
export function todoModalView(input: TodoModalInput): ModalView {
  const from = input.metadata.source ? ' (from a message; it will link back to it)' : '';
  return {
    type: 'modal',
    callback_id: TODO_MODAL.callbackId,
    private_metadata: JSON.stringify(input.metadata),
    title: { type: 'plain_text', text: 'Action item' },
    submit: { type: 'plain_text', text: 'Record' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `For *${escapePlain(input.groupName)}*${from}` }],
      },
      {
        type: 'input',
        block_id: TODO_MODAL.ownersBlock,
        label: { type: 'plain_text', text: 'Who' },
        element: {
          type: 'multi_users_select',
          action_id: TODO_MODAL.ownersAction,
          max_selected_items: TODO_OWNERS_MAX,
          initial_users: [input.author],
        },
      },
      {
        type: 'input',
        block_id: TODO_MODAL.textBlock,
        label: { type: 'plain_text', text: 'What' },
        element: {
          type: 'plain_text_input',
          action_id: TODO_MODAL.textAction,
          multiline: true,
          max_length: TODO_TEXT_MAX,
          ...(input.text ? { initial_value: clipCharacters(input.text.trim(), TODO_TEXT_MAX) } : {}),
        },
      },
      {
        type: 'input',
        block_id: TODO_MODAL.dueBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Due' },
        element: { type: 'datepicker', action_id: TODO_MODAL.dueAction },
      },
    ],
  };
}

export function parseTodoModalMetadata(raw: string): TodoModalMetadata | undefined {
  try {
    const v = JSON.parse(raw) as Partial<TodoModalMetadata> | null;
    if (typeof v?.groupId !== 'string' || typeof v.channelId !== 'string') return undefined;
    const s = v.source;
    const source =
      s && typeof s.channelId === 'string' && typeof s.ts === 'string'
        ? { channelId: s.channelId, ts: s.ts }
        : undefined;
    return { groupId: v.groupId, channelId: v.channelId, ...(source ? { source } : {}) };
  } catch {
    return undefined;
  }
}

/** The part of `view.state.values` this modal reads. */
export type TodoViewValues = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        {
          readonly value?: string | null;
          readonly selected_users?: readonly string[] | null;
          readonly selected_date?: string | null;
        }
      >
    >
  >
>;

export type TodoSubmission =
  | {
      readonly ok: true;
      readonly owners: readonly SlackUserId[];
      readonly text: string;
      readonly due: LocalDate | undefined;
    }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** Validates a submission with the same bounds as the command; errors keyed by block id. */
export function readTodoSubmission(values: TodoViewValues, ctx: WhenContext): TodoSubmission {
  const selected = values[TODO_MODAL.ownersBlock]?.[TODO_MODAL.ownersAction]?.selected_users ?? [];
  const owners = [...new Set(selected)].filter(isSlackUserId);
  const text = validateTodoText(values[TODO_MODAL.textBlock]?.[TODO_MODAL.textAction]?.value ?? '');
  const picked = values[TODO_MODAL.dueBlock]?.[TODO_MODAL.dueAction]?.selected_date ?? undefined;
  const due = picked ? parseWhen(picked, ctx) : undefined;
  const errors: Record<string, string> = {};
  const tooMany = ownersProblem(owners.length);
  if (owners.length === 0) errors[TODO_MODAL.ownersBlock] = 'Choose who owns the item.';
  else if (tooMany) errors[TODO_MODAL.ownersBlock] = tooMany;
  if (!text.ok) errors[TODO_MODAL.textBlock] = text.message.replace(/`/g, '');
  if (due && due.kind !== 'date')
    errors[TODO_MODAL.dueBlock] = 'Choose a date from today on, within two years.';
  if (Object.keys(errors).length > 0 || !text.ok) return { ok: false, errors };
  return {
    ok: true,
    owners,
    text: text.text,
    due: due?.kind === 'date' ? due.date : undefined,
  };
}
