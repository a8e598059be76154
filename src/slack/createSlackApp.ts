import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../log/logger.js';
import { boltLogger } from './boltLogger.js';
import { commandLane } from './commands/commandLane.js';
import type { CommandListener } from './commands/commandListener.js';

export type SlackConnection =
  | { readonly kind: 'http'; readonly botToken: string; readonly signingSecret: string }
  | { readonly kind: 'socket'; readonly botToken: string; readonly appToken: string };

export interface SlackAppOptions {
  readonly connection: SlackConnection;
  readonly slackApiUrl: string;
  readonly port: number;
  readonly host: string;
  readonly routes: CustomRoute[];
  readonly log: Logger;
  /** How long one Web API call may take before it counts as failed (default 10 s). */
  readonly apiTimeoutMs?: number;
  /** The first wait before the client retries a failed call (default 1 s; tests shrink it). */
  readonly retryBaseMs?: number;
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
  // WebClient's defaults are no timeout and ten retries over about 30 minutes: a hung or
  // failing Slack would then hold a job (and its renewed lease) for half an hour, and a
  // reminder would miss its minute. A few quick retries here, then the job queue's backoff.
  const base = opts.retryBaseMs ?? 1000;
  const clientOptions = {
    slackApiUrl: opts.slackApiUrl,
    timeout: opts.apiTimeoutMs ?? 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: base, maxTimeout: 5 * base, randomize: true },
  };
  let server: Server | undefined;
  let app: App;
  if (opts.connection.kind === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: opts.connection.signingSecret,
      customRoutes: opts.routes,
      logger,
      bodyLimit: BODY_LIMIT_BYTES,
    });
    app = new App({ token: opts.connection.botToken, receiver, logger, clientOptions });
    app.use(requestIds);
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
  app = new App({ token: opts.connection.botToken, receiver, logger, clientOptions });
  app.use(requestIds);
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
