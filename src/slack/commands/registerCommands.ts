import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { ephemeral } from '../reply.js';
import { commandListener } from './commandListener.js';
import { AGENDA_HELP, MEETING_HELP, TODO_HELP } from './helpText.js';

/** Until a command's feature is wired, it answers with its usage text. */
export function registerCommands(app: App, services: Services): void {
  app.command(
    '/agenda',
    commandListener(services, () => Promise.resolve(ephemeral(AGENDA_HELP))),
  );
  app.command(
    '/todo',
    commandListener(services, () => Promise.resolve(ephemeral(TODO_HELP))),
  );
  app.command(
    '/meeting',
    commandListener(services, () => Promise.resolve(ephemeral(MEETING_HELP))),
  );
}
