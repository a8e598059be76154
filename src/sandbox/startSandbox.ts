import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/env.js';
import type { Group } from '../core/group.js';
import { type RunningGavel, startGavel } from '../gavel.js';
import type { Logger } from '../log/logger.js';
import { startGithubApiServer } from '../standins/githubApiServer.js';
import { makeServiceAccountKey, startGoogleApiServer } from '../standins/googleApiServer.js';
import { startSlackApiServer } from '../standins/slackApiServer.js';
import { SandboxClock } from './sandboxClock.js';
import { sandboxRoutes } from './sandboxRoutes.js';
import { createSandboxSession, type SandboxSessionDeps } from './sandboxSession.js';
import { sandboxWorkspace } from './sandboxWorkspace.js';

export interface SandboxOptions {
  readonly groups: readonly Group[];
  /** gavel's HTTP port (3000 by default; 0 for any free port). */
  readonly port: number;
  readonly host: string;
  readonly log: Logger;
  /** Real time for the sandbox's clock (tests pin it); `Date.now` by default. */
  readonly now?: () => number;
}

export interface RunningSandbox {
  /** The page, e.g. http://localhost:3000/sandbox. */
  readonly url: string;
  readonly gavel: RunningGavel;
  stop(): Promise<void>;
}

/**
 * The real gavel (same Bolt listeners, jobs and store) against local stand-ins for Slack,
 * GitHub and Google, with a page at /sandbox to use it: seeing gavel work before creating a
 * Slack app. Everything is throwaway: the database lives in a temporary folder and the
 * stand-ins keep their state in memory.
 */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const workspace = sandboxWorkspace(opts.groups);
  const botToken = `xoxb-sandbox-${randomBytes(8).toString('hex')}`;
  const githubToken = `ghp_sandbox${randomBytes(8).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const key = makeServiceAccountKey('gavel-sandbox@gavel-sandbox.iam.gserviceaccount.com');
  const dataDir = mkdtempSync(join(tmpdir(), 'gavel-sandbox-'));
  const closers: (() => Promise<void>)[] = [
    () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  ];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    })());
  try {
    const slack = await startSlackApiServer({
      token: botToken,
      channels: workspace.channels,
      users: workspace.users,
    });
    closers.push(() => slack.close());
    const github = await startGithubApiServer({ tokens: [githubToken] });
    closers.push(() => github.close());
    const google = await startGoogleApiServer({ serviceAccounts: [key] });
    closers.push(() => google.close());
    for (const folder of workspace.folders) google.addFolder(folder);
    for (const doc of workspace.docs) google.addDoc({ ...doc, parents: ['0SandboxSharedDrive'] });

    const loaded = loadConfig({
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(opts.port),
      HOST: opts.host,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      HEARTBEAT_SECONDS: '1',
      GITHUB_TOKEN: githubToken,
      GITHUB_API_URL: github.url,
      GOOGLE_CREDENTIALS_JSON: key.json,
      GOOGLE_API_URL: google.url,
    });
    if (!loaded.ok) throw new Error(`sandbox configuration: ${loaded.problems.join('; ')}`);
    const { config } = loaded;
    if (config.slack.kind !== 'http') throw new Error('the sandbox runs gavel in HTTP mode');

    const clock = new SandboxClock(opts.now);
    // The routes are built before the app they talk to has started.
    const started: { gavel?: RunningGavel } = {};
    const deps: SandboxSessionDeps = {
      signingSecret,
      slack,
      github,
      google,
      workspace,
      clock,
      gavel: () => started.gavel,
    };
    const session = createSandboxSession(deps);
    const gavel = await startGavel({
      config,
      connection: config.slack,
      groups: opts.groups,
      clock,
      log: opts.log,
      heartbeat: true,
      extraRoutes: sandboxRoutes(deps, session, opts.groups),
      // A newcomer starting the sandbox 7 hours before a meeting expects no 24-hour reminder
      // posted 17 hours late: reminders whose minute passed before this start are skipped.
      remindersFrom: clock.now(),
    });
    started.gavel = gavel;
    closers.push(() => gavel.stop());
    return {
      url: `http://localhost:${gavel.port}/sandbox`,
      gavel,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
