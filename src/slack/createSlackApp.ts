import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CodedError, type CustomRoute, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Log } from '../core/ports/log.js';
import { boltLogger } from './boltLogger.js';
import { commandLane } from './commands/commandLane.js';
import type { CommandListener } from './commands/commandListener.js';

export type SlackConnection =
  | { readonly kind: 'http'; readonly botToken: string; readonly signingSecret: string }
  | { readonly kind: 'socket'; readonly botToken: string; readonly appToken: string };

export interface SlackAppOptions {
  readonly connection: SlackConnection;
  /** The Web API client's options (URL, timeouts, retries): see webClientOptions. */
  readonly clientOptions: WebClientOptions;
  readonly port: number;
  readonly host: string;
  readonly routes: CustomRoute[];
  readonly log: Log;
}

export interface SlackApp {
  readonly app: App;
  /**
   * Registers a slash command's listener: over HTTP it is answered by the command lane, in
   * Socket Mode by Bolt's listener chain.
   */
  command(name: string, listener: CommandListener): void;
  /** Starts listening; resolves with the bound HTTP port (useful with port 0). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Slash commands and interactivity payloads are small; anything larger is refused unread. */
const BODY_LIMIT_BYTES = 64 * 1024;
/** Bolt's default endpoint, where the manifest sends commands, interactivity and events. */
const SLACK_EVENTS_PATH = '/slack/events';

/**
 * One Bolt app, in HTTP mode (Bolt verifies every request's signature and timestamp) or
 * Socket Mode (Slack dials out to us; HTTP is still served for health, calendar and
 * webhooks). Every request gets an id that follows it through the logs.
 */
export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const logger = boltLogger(opts.log);
  const { clientOptions } = opts;
  let server: Server | undefined;
  let app: App;
  if (opts.connection.kind === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: opts.connection.signingSecret,
      customRoutes: opts.routes,
      logger,
      bodyLimit: BODY_LIMIT_BYTES,
    });
    app = new App({ ...appOptions(opts.connection.botToken), receiver, logger, clientOptions });
    app.use(requestIds);
    app.error(lastResort(opts.log));
    const lane = commandLane({
      signingSecret: opts.connection.signingSecret,
      bodyLimit: BODY_LIMIT_BYTES,
      endpoint: SLACK_EVENTS_PATH,
      client: () => app.client,
      log: opts.log,
    });
    // The receiver's own server calls this property for every request.
    receiver.requestListener = lane.wrap(receiver.requestListener);
    return {
      app,
      command: (name, listener) => lane.register(name, listener),
      async start() {
        server = await receiver.start({ port: opts.port, host: opts.host });
        return (server.address() as AddressInfo).port;
      },
      stop: () => receiver.stop(),
    };
  }
  const receiver = new SocketModeReceiver({
    appToken: opts.connection.appToken,
    customRoutes: opts.routes,
    installerOptions: { port: opts.port },
    logger,
  });
  app = new App({ ...appOptions(opts.connection.botToken), receiver, logger, clientOptions });
  app.use(requestIds);
  app.error(lastResort(opts.log));
  return {
    app,
    command: (name, listener) => app.command(name, listener),
    async start() {
      await receiver.start();
      return opts.port;
    },
    stop: () => receiver.stop(),
  };
}

/**
 * Bolt's error handler: the last resort for what a listener let through (listeners meet their
 * own failures in commandListener and afterAck). Logged once with Bolt's code, then rethrown so
 * Bolt answers the request as it would without a handler.
 */
function lastResort(log: Log) {
  return async (error: CodedError): Promise<void> => {
    log.error({ err: error, code: error.code }, 'a Slack listener failed');
    await Promise.reject(error);
  };
}

/**
 * Bolt asks Slack who the bot is (auth.test) when its first event or button arrives rather than
 * at construction: slash commands take the command lane and never ask, so an eager call was a
 * promise nobody awaited, rejected unhandled when Slack could not be reached at that moment.
 */
const appOptions = (token: string) => ({ token, tokenVerificationEnabled: false });

async function requestIds({
  context,
  next,
}: {
  context: Record<string, unknown>;
  next: () => Promise<void>;
}) {
  context['requestId'] = randomUUID();
  await next();
}
