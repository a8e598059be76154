import type { Services } from '../../services.js';
import type { SlackApp } from '../createSlackApp.js';
import { registerAppHome } from '../events/appHome.js';
import { registerAgenda } from '../agenda/registerAgenda.js';
import { meetingCommand } from '../meeting/meetingCommands.js';
import { registerTodo } from '../todo/registerTodo.js';
import { commandListener } from './commandListener.js';

/** Every slash command, with the shortcuts, forms and buttons of its feature, and the Home tab. */
export function registerCommands(slack: SlackApp, services: Services): void {
  registerAgenda(slack, services);
  registerTodo(slack, services);
  slack.command('/meeting', commandListener(services, meetingCommand(services)));
  registerAppHome(slack.app, services);
}
