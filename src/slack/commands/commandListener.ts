import type { RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { GavelError, isGavelError } from '../../core/errors.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { type SlackUserId, slackUserId } from '../../core/ids.js';
import { escapePlain } from '../../core/mrkdwn.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { Log } from '../../core/ports/log.js';
import type { Reply } from '../reply.js';

export interface CommandInput {
  readonly command: string;
  readonly text: string;
  readonly userId: SlackUserId;
  readonly group: ResolvedGroup;
  readonly triggerId: string;
}

/**
 * What a command listener uses of a request: Bolt's listener arguments have this shape (Socket
 * Mode), and the HTTP command lane builds it directly (see commandLane.ts).
 */
export interface CommandArgs {
  readonly command: Pick<SlashCommand, 'command' | 'text' | 'user_id' | 'channel_id' | 'trigger_id'>;
  readonly ack: (reply?: RespondArguments) => Promise<void>;
  readonly respond: (message: RespondArguments) => Promise<unknown>;
  readonly client: WebClient;
  readonly context: Readonly<Record<string, unknown>>;
}

export type CommandListener = (args: CommandArgs) => Promise<void>;

/** Slack caps command text at a few thousand characters; we refuse anything larger early. */
const MAX_COMMAND_TEXT = 4000;

/**
 * Wraps a command handler: finds the channel's group, runs the handler, and answers
 * through the ack (ephemeral or in-channel) or views.open for a modal. A GavelError becomes
 * its ephemeral sentence; anything else is logged and answered with an apology: a user's
 * input never crashes the app nor goes unanswered.
 */
export interface CommandListenerDeps {
  readonly groups: Pick<GroupDirectory, 'byChannel' | 'all'>;
  readonly log: Log;
}

export function commandListener(
  services: CommandListenerDeps,
  handle: (input: CommandInput) => Promise<Reply>,
): CommandListener {
  return listen(services, async (input, channelId) => {
    const group = services.groups.byChannel(channelId);
    if (!group) throw notAGroupChannel(services, input.command);
    return handle({ ...input, group });
  });
}

/** A command that works in any channel or DM (`/meetings`): its handler is given no group. */
export function anyChannelCommandListener(
  services: Pick<CommandListenerDeps, 'log'>,
  handle: (input: Omit<CommandInput, 'group'>) => Promise<Reply>,
): CommandListener {
  return listen(services, (input) => handle(input));
}

function listen(
  services: Pick<CommandListenerDeps, 'log'>,
  handle: (input: Omit<CommandInput, 'group'>, channelId: string) => Promise<Reply>,
): CommandListener {
  return async ({ command, ack, respond, client, context }) => {
    // Built only when there is something to log: most commands log nothing.
    const log = () => services.log.child({ requestId: context['requestId'], command: command.command });
    let reply: Reply;
    try {
      if (command.text.length > MAX_COMMAND_TEXT) {
        throw new GavelError(
          'bad_input',
          `That is too long (${command.text.length} characters); keep it under ${MAX_COMMAND_TEXT}.`,
        );
      }
      reply = await handle(
        {
          command: command.command,
          text: command.text.trim(),
          userId: slackUserId(command.user_id),
          triggerId: command.trigger_id,
        },
        command.channel_id,
      );
    } catch (error) {
      reply = errorReply(error, log());
    }
    if (reply.kind === 'deferred') {
      await ack();
      let later: Reply;
      try {
        later = await reply.run();
      } catch (error) {
        later = errorReply(error, log());
      }
      if (later.kind === 'ephemeral' || later.kind === 'in_channel') {
        await respond({
          response_type: later.kind,
          text: later.text,
          ...(later.blocks ? { blocks: later.blocks } : {}),
        });
      }
      return;
    }
    if (reply.kind === 'modal') {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: reply.view });
      return;
    }
    await ack({
      response_type: reply.kind,
      text: reply.text,
      ...(reply.blocks ? { blocks: reply.blocks } : {}),
    });
  };
}

export function errorReply(error: unknown, log: Log): Reply {
  if (isGavelError(error)) {
    log.info({ code: error.code }, 'command refused');
    return { kind: 'ephemeral', text: `:warning: ${error.userMessage}` };
  }
  log.error({ err: error }, 'command failed');
  return {
    kind: 'ephemeral',
    text: ':x: Something went wrong on our side and nothing was changed. Please try again in a minute.',
  };
}

function notAGroupChannel(services: CommandListenerDeps, command: string): GavelError {
  const channels = services.groups
    .all()
    .map((g) => `${g.channelLabel} (${escapePlain(g.name)})`)
    .join(', ');
  return new GavelError(
    'not_a_group_channel',
    channels
      ? `This channel belongs to no working group. Use ${command} in one of: ${channels}.`
      : 'No working groups are configured yet: add one to the groups file.',
  );
}
