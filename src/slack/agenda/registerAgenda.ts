import type { BlockAction, ButtonAction } from '@slack/bolt';
import { AGENDA_ACTIONS } from '../../core/agenda/agendaListBlocks.js';
import { AGENDA_MODAL } from '../../core/agenda/agendaModal.js';
import { REMINDER_ACTIONS } from '../../core/reminder/reminderMessage.js';
import type { SlackApp } from '../createSlackApp.js';
import { commandListener } from '../commands/commandListener.js';
import type { AgendaDeps } from './agendaDeps.js';
import { agendaCommandHandler } from './agendaCommandHandler.js';
import { openAgendaModalFromButton, submitAgendaModal } from './agendaModalListeners.js';
import { markCoveredListener } from './markCoveredListener.js';

/** `/agenda`, the reminder's "Add agenda item" button, the modal, and the list's "Covered" button. */
export function registerAgenda(slack: SlackApp, deps: AgendaDeps): void {
  const { app } = slack;
  slack.command('/agenda', commandListener(deps, agendaCommandHandler(deps)));
  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.addAgendaItem, openAgendaModalFromButton(deps));
  app.action<BlockAction<ButtonAction>>(AGENDA_ACTIONS.markCovered, markCoveredListener(deps));
  app.view(AGENDA_MODAL.callbackId, submitAgendaModal(deps));
}
