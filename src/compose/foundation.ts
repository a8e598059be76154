import type { Services } from '../services.js';
import { anyChannelCommandListener } from '../slack/commands/commandListener.js';
import type { SlackApp } from '../slack/createSlackApp.js';
import { meetingsCommand } from '../slack/foundation/meetingsCommand.js';

/** What spans every group: `/meetings`. */
export function wireFoundation(services: Services): { register(slack: SlackApp): void } {
  const { log, clock, groups, occurrences, workspace } = services;
  return {
    register: (slack) =>
      slack.command(
        '/meetings',
        anyChannelCommandListener({ log }, meetingsCommand({ clock, groups, occurrences, workspace })),
      ),
  };
}
