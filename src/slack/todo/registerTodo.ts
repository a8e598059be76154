import type { BlockAction, ButtonAction, MessageShortcut } from '@slack/bolt';
import { DUE_DM_ACTIONS } from '../../core/todo/dueReminder.js';
import { TODO_ACTIONS } from '../../core/todo/itemMessage.js';
import { TODO_CONFIRM_ACTIONS } from '../../core/todo/todoConfirm.js';
import { TODO_MODAL } from '../../core/todo/todoModal.js';
import type { SlackApp } from '../createSlackApp.js';
import { commandListener } from '../commands/commandListener.js';
import { confirmCancelListener, confirmRecordListener } from './confirmTodoListeners.js';
import { dueDmListener } from './dueDmListeners.js';
import { markDoneListener } from './markDoneListener.js';
import { todoCommandHandler } from './todoCommandHandler.js';
import { openTodoModalFromMessage, submitTodoModal } from './todoModalListeners.js';
import type { TodoSlackDeps } from './todoSlackDeps.js';

/** The manifest's message shortcut. */
export const MAKE_ACTION_ITEM_SHORTCUT = 'make_action_item';

/**
 * `/todo`, the "Make action item" message shortcut, its form, the "Mark done" button, and
 * "Done" / "Snooze a week" in the due-date DM, and "Record it anyway" / "Cancel" under the
 * question asked before recording a likely mistake.
 */
export function registerTodo(slack: SlackApp, deps: TodoSlackDeps): void {
  const { app } = slack;
  slack.command('/todo', commandListener(deps, todoCommandHandler(deps)));
  app.shortcut<MessageShortcut>(MAKE_ACTION_ITEM_SHORTCUT, openTodoModalFromMessage(deps));
  app.view(TODO_MODAL.callbackId, submitTodoModal(deps));
  app.action<BlockAction<ButtonAction>>(TODO_ACTIONS.markDone, markDoneListener(deps));
  app.action<BlockAction<ButtonAction>>(DUE_DM_ACTIONS.done, dueDmListener(deps, 'done'));
  app.action<BlockAction<ButtonAction>>(DUE_DM_ACTIONS.snooze, dueDmListener(deps, 'snooze'));
  app.action<BlockAction<ButtonAction>>(TODO_CONFIRM_ACTIONS.record, confirmRecordListener(deps));
  app.action<BlockAction<ButtonAction>>(TODO_CONFIRM_ACTIONS.cancel, confirmCancelListener(deps));
}
