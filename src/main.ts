import { existsSync } from 'node:fs';
import { loadConfig } from './config/env.js';
import { followGroupsFile } from './config/followGroupsFile.js';
import { loadGroupsFile } from './config/loadGroupsFile.js';
import { systemClock } from './core/clock.js';
import { startGavel } from './gavel.js';
import { createLogger, type Logger } from './log/logger.js';
import { mappedStack } from './log/mappedStack.js';
import { sandboxBanner } from './sandbox/sandboxBanner.js';
import { checkBotToken } from './slackApi/checkBotToken.js';
import {
  type SlackFailure,
  slackFailure,
  slackFailureFix,
  slackFailureText,
} from './slackApi/slackFailure.js';

/** The process's logger once configuration is read; before that, failures log at info. */
let processLog: Logger | undefined;
const failureLog = (): Logger =>
  processLog ?? createLogger({ level: 'info', secrets: secretValues(process.env) });

/**
 * The start-up check of the bot token: a few quick retries when Slack does not answer (a
 * network still coming up), none when Slack answers no. About 1.5 s before giving up.
 */
const START_CHECK = {
  timeout: 10_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 1000 },
};

/**
 * The process entry point, and the only reader of process.env: read configuration once,
 * start gavel, stop it cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `gavel cannot start; fix these settings (see .env.example):\n  ${loaded.problems.join('\n  ')}\n`,
    );
    return 78; // EX_CONFIG: a supervisor should not restart-loop on this
  }
  const { config } = loaded;
  const secrets = secretValues(process.env);
  const log = createLogger({ level: config.logLevel, secrets });
  processLog = log;

  const groups = loadGroupsFile(config.groupsFile);
  if (!groups.ok) {
    process.stderr.write(
      `gavel cannot start; the groups file has problems:\n  ${groups.problems.join('\n  ')}\n`,
    );
    return 78;
  }
  if (groups.usedExample) {
    log.warn({ path: groups.path }, 'no config/groups.yml: using the example groups; copy it and edit');
  }
  // No Slack credentials: show gavel working against local stand-ins instead of refusing to start,
  // except in production, where lost tokens must not turn into a public sandbox that looks healthy.
  const slack = config.slack;
  if (slack.kind === 'none' && process.env['NODE_ENV'] === 'production') {
    process.stderr.write(
      'gavel cannot start: no Slack credentials (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; see .env.example); the sandbox does not run with NODE_ENV=production\n',
    );
    return 78;
  }
  // Whether Slack takes the token, before the database or anything else is touched: a refused
  // token or an unreachable Slack is one line saying which, not a failure further in.
  if (slack.kind !== 'none') {
    const auth = await checkBotToken(slack.botToken, { slackApiUrl: config.slackApiUrl, ...START_CHECK });
    if (!auth.ok) return cannotReachSlack(log, auth.failure, config.slackApiUrl);
  }
  let started;
  try {
    // Loaded only then: the sandbox brings the Slack, GitHub and Google stand-ins with it.
    const sandboxModule = slack.kind === 'none' ? await import('./sandbox/startSandbox.js') : undefined;
    const sandbox = sandboxModule
      ? await sandboxModule.startSandbox({
          groups: groups.groups,
          port: config.port,
          // The sandbox is for the person at this machine: loopback unless HOST says otherwise.
          host: process.env['HOST'] ? config.host : '127.0.0.1',
          log,
        })
      : undefined;
    const running =
      slack.kind === 'none'
        ? sandbox!.gavel
        : await startGavel({
            config,
            connection: slack,
            groups: groups.groups,
            digest: groups.digest,
            clock: systemClock,
            log,
          });
    started = { sandbox, running };
  } catch (error) {
    const failure = slackFailure(error);
    if (failure) return cannotReachSlack(log, failure, config.slackApiUrl);
    return failedToStart(log, error);
  }
  const { sandbox, running } = started;
  if (sandbox) {
    // The banner is for the person at the terminal; stdout carries only JSON log lines.
    process.stderr.write(sandboxBanner(sandbox.url));
    log.info({ url: sandbox.url }, 'sandbox ready');
  }
  // The example file is a fallback, not configuration to follow; the sandbox's pretend
  // workspace is made from the file once, at start.
  const follower =
    groups.usedExample || sandbox
      ? undefined
      : followGroupsFile(groups.path, (next, digest) => running.reloadGroups(next, digest), log);
  process.on('SIGHUP', () => follower?.reloadNow());
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutdown requested');
      follower?.stop();
      (sandbox ?? running).stop().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

/**
 * One fatal line for a Slack that said no or did not answer: what failed, the variable to look
 * at and what to do. A refused token exits 78 (EX_CONFIG: restarting will not help), no answer
 * 69 (EX_UNAVAILABLE: a supervisor may try again later).
 */
function cannotReachSlack(log: Logger, failure: SlackFailure, slackApiUrl: string): number {
  const { variable, fix } = slackFailureFix(failure);
  log.fatal(
    { failed: 'slack', variable, slackApiUrl, slack: failure, fix },
    `gavel cannot start: ${slackFailureText(failure, slackApiUrl)}`,
  );
  return failure.kind === 'refused' ? 78 : 69;
}

/** Anything else that stopped the start: one fatal line, its stack read back to src/. */
function failedToStart(log: Logger, error: unknown): number {
  const message = messageOf(error);
  // A channel the groups file names that Slack does not show the bot (resolveChannels says
  // which and what to do): the file's problem, not a crash.
  if (message.startsWith('groups.')) {
    log.fatal({ failed: 'channels', variable: 'GROUPS_FILE' }, `gavel cannot start: ${message}`);
    return 78;
  }
  log.fatal({ failed: 'start', error: reported(error) }, `gavel failed to start: ${message}`);
  return 1;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An error as the log shows it, with the bundle's frames mapped to source files and lines. */
const reported = (error: unknown) =>
  error instanceof Error
    ? { type: error.name, message: error.message, stack: error.stack ? mappedStack(error.stack) : undefined }
    : { message: String(error) };

function secretValues(env: NodeJS.ProcessEnv): string[] {
  const keys = Object.keys(env).filter((k) => /TOKEN|SECRET|PRIVATE_KEY|CREDENTIALS_JSON|PASSWORD/.test(k));
  const values = keys.map((k) => env[k] ?? '');
  if (env['DATABASE_URL']) {
    const password = safeUrlPassword(env['DATABASE_URL']);
    if (password) values.push(password);
  }
  return values.filter(Boolean);
}

function safeUrlPassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

// What escapes everything else is one JSON line too, instead of Node printing the bundle's
// (minified, very long) source line and an unmapped stack; then the process ends, as Node would.
const crash = (what: string) => (error: unknown) => {
  failureLog().fatal({ failed: what, error: reported(error) }, `gavel stopped: ${what}: ${messageOf(error)}`);
  process.exit(1);
};
process.on('uncaughtException', crash('uncaught exception'));
process.on('unhandledRejection', crash('unhandled rejection'));

main().then(
  (code) => {
    // A failed start leaves nothing worth waiting for (a client's retry timer, a socket).
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => process.exit(failedToStart(failureLog(), error)),
);
