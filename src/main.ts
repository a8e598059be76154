import { existsSync } from 'node:fs';
import { loadConfig } from './config/env.js';
import { followGroupsFile } from './config/followGroupsFile.js';
import { loadGroupsFile } from './config/loadGroupsFile.js';
import { systemClock } from './core/clock.js';
import { startGavel } from './gavel.js';
import { createLogger } from './log/logger.js';
import { sandboxBanner } from './sandbox/sandboxBanner.js';

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
          clock: systemClock,
          log,
        });
  if (sandbox) process.stdout.write(sandboxBanner(sandbox.url));
  // The example file is a fallback, not configuration to follow; the sandbox's pretend
  // workspace is made from the file once, at start.
  const follower =
    groups.usedExample || sandbox
      ? undefined
      : followGroupsFile(groups.path, (next) => running.reloadGroups(next), log);
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `gavel failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
