import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, type RespondArguments } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Log } from '../../core/ports/log.js';
import type { CommandArgs, CommandListener } from './commandListener.js';
import { signedBySlack } from './slackSignature.js';

/** The fields of Slack's slash-command payload a listener reads; Slack always sends them. */
const slashCommand = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
  trigger_id: z.string(),
  response_url: z.string(),
});

export interface CommandLaneOptions {
  readonly signingSecret: string;
  readonly bodyLimit: number;
  /** The path Slack posts to (Bolt's endpoint). */
  readonly endpoint: string;
  readonly client: () => WebClient;
  readonly log: Log;
}

export interface CommandLane {
  /** The listener for one slash command, e.g. `/agenda`. */
  register(name: string, listener: CommandListener): void;
  /** Bolt's request listener with slash commands taken off it first. */
  wrap(bolt: RequestListener): RequestListener;
}

/**
 * Slash commands over HTTP go from the request straight to their listener instead of
 * through Bolt's event pipeline, which runs every registered listener's middleware for every
 * request: measured with the ack bench, that pipeline cost more CPU per `/agenda add` than
 * recording the item did. A command needs only what Bolt's receiver does for it, and this
 * reuses Bolt's own pieces for that (its body reader and size limit, its ack response) and
 * checks the signature by Slack's rules (slackSignature.ts). Everything else on the endpoint
 * (interactivity, events, url_verification, ssl_check, unregistered or malformed commands) is
 * handed to Bolt untouched, body already read, so Bolt keeps answering it as before.
 */
export function commandLane(opts: CommandLaneOptions): CommandLane {
  const listeners = new Map<string, CommandListener>();
  const log = opts.log.child({ component: 'commands' });

  const handle = async (req: IncomingMessage, res: ServerResponse, bolt: RequestListener) => {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, opts.bodyLimit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      log.warn({ reason: tooLarge ? 'too large' : 'unreadable' }, 'request body refused');
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      return;
    }
    const found = commandOf(buffered);
    const listener = found && listeners.get(found.command);
    if (!found || !listener) {
      bolt(buffered, res);
      return;
    }
    const signed = signedBySlack(
      {
        rawBody: buffered.rawBody.toString(),
        signature: headerOf(buffered, 'x-slack-signature'),
        timestamp: headerOf(buffered, 'x-slack-request-timestamp'),
      },
      opts.signingSecret,
      // Signatures are judged by the wall clock, as Slack and Bolt do, not the app's clock.
      Date.now(),
    );
    if (!signed) {
      log.warn('a slash command failed signature verification');
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    const args = commandArgs(found, res, opts.client());
    try {
      await listener(args);
    } catch (error) {
      log.error({ err: error, command: found.command }, 'command listener failed');
    } finally {
      // A listener that never acked must still answer Slack (Bolt would time out into 500 too).
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    }
  };

  return {
    register(name, listener) {
      listeners.set(name, listener);
    },
    wrap(bolt) {
      return (req, res) => {
        if (req.method !== 'POST' || pathOf(req.url) !== opts.endpoint) {
          bolt(req, res);
          return;
        }
        void handle(req, res, bolt);
      };
    },
  };
}

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const pathOf = (url: string | undefined) => {
  const q = url?.indexOf('?') ?? -1;
  return q === -1 ? url : url?.slice(0, q);
};

/** The slash-command payload of a form body, or undefined for anything else Slack sends. */
function commandOf(req: BufferedIncomingMessage): z.infer<typeof slashCommand> | undefined {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  const body = new URLSearchParams(req.rawBody.toString());
  if (!body.has('command') || body.has('payload') || body.has('ssl_check')) return undefined;
  const parsed = slashCommand.safeParse(Object.fromEntries(body));
  return parsed.success ? parsed.data : undefined;
}

function commandArgs(
  command: z.infer<typeof slashCommand>,
  res: ServerResponse,
  client: WebClient,
): CommandArgs {
  return {
    command,
    client,
    context: { requestId: randomUUID() },
    ack: (reply?: RespondArguments) => {
      if (!res.headersSent) HTTPModuleFunctions.buildContentResponse(res, reply);
      return Promise.resolve();
    },
    respond: async (message) => {
      // As Bolt's respond(): a JSON post to response_url, and a failure is an error.
      const response = await fetch(command.response_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (!response.ok) throw new Error(`response_url answered ${response.status}`);
      await response.arrayBuffer();
    },
  };
}
