import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { registerAppHome } from '../events/appHome.js';
import { registerAgenda } from '../agenda/registerAgenda.js';
import { meetingCommand } from '../meeting/meetingCommands.js';
import { registerTodo } from '../todo/registerTodo.js';
import { commandListener } from './commandListener.js';

/** Every slash command, with the shortcuts, forms and buttons of its feature, and the Home tab. */
export function registerCommands(app: App, services: Services): void {
  registerAgenda(app, services);
  registerTodo(app, services);
  app.command('/meeting', commandListener(services, meetingCommand(services)));
  registerAppHome(app, services);
}
