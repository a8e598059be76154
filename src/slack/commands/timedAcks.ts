import type { SlackApp } from '../createSlackApp.js';
import type { CommandListener } from './commandListener.js';

export interface TimedSlackApp extends SlackApp {
  /** The slash commands registered through it, e.g. `/agenda`. */
  commands(): readonly string[];
}

/**
 * The Slack app with every slash command's ack timed, from its listener starting to its ack
 * (over HTTP and in Socket Mode alike), and reported with the command's name.
 */
export function timedAcks(slack: SlackApp, acked: (command: string, seconds: number) => void): TimedSlackApp {
  const names: string[] = [];
  const timed =
    (name: string, listener: CommandListener): CommandListener =>
    (args) => {
      const started = performance.now();
      return listener({
        ...args,
        ack: async (reply) => {
          await args.ack(reply);
          acked(name, (performance.now() - started) / 1000);
        },
      });
    };
  return {
    app: slack.app,
    command: (name, listener) => {
      names.push(name);
      slack.command(name, timed(name, listener));
    },
    commands: () => [...names],
    start: () => slack.start(),
    stop: () => slack.stop(),
  };
}
