import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { BROKEN_YAML, SERVERLESS_YAML } from './groupsFixture.js';
import { runCli, workDir } from './runCli.js';

// Secret-looking values with a unique tail, so "never printed" is checked on the exact value.
const BOT_TOKEN = 'xoxb-1111-2222-secretbottokenvalue';
const APP_TOKEN = 'xapp-1-A111-secretapptokenvalue';
const SIGNING_SECRET = 'secretsigningsecretvalue8f742231b';
const DB_PASSWORD = 's3cretDbPassw0rd';

describe('gavel check (the real CLI, as a child process)', () => {
  it('passes a sound configuration with a summary of groups and integrations, and prints no secret', async () => {
    const cwd = workDir(SERVERLESS_YAML);
    const run = await runCli(['check'], {
      cwd,
      env: {
        GROUPS_FILE: 'groups.yml',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        DATABASE_URL: `postgres://gavel:${DB_PASSWORD}@db.internal:5432/gavel`,
        GITHUB_TOKEN: 'ghp_secretgithubtokenvalue',
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gavel check: the configuration is valid');
    expect(run.stdout).toMatch(/Slack\s+Socket Mode/);
    expect(run.stdout).toMatch(/Database\s+PostgreSQL at db\.internal:5432\/gavel/);
    expect(run.stdout).toMatch(/GitHub\s+token \(GITHUB_TOKEN\)/);
    expect(run.stdout).toMatch(/Google\s+not configured/);
    expect(run.stdout).toContain('Groups (groups.yml): 2 groups');
    expect(run.stdout).toMatch(/serverless\s+CNCF Serverless WG · #serverless · America\/Los_Angeles/);
    expect(run.stdout).toMatch(
      /cf-app-runtime\s+CF App Runtime Interfaces WG · C0APPRUNTIME · Europe\/Berlin/,
    );
    expect(run.stdout).toContain('groups.serverless.minutes: Google is not configured');
    for (const secret of [BOT_TOKEN, APP_TOKEN, DB_PASSWORD, 'ghp_secretgithubtokenvalue']) {
      expect(run.output).not.toContain(secret);
    }
  });

  it('fails with every problem of the environment and the groups file at once, each with its name or path', async () => {
    const cwd = workDir(BROKEN_YAML);
    const run = await runCli(['check'], {
      cwd,
      env: {
        GROUPS_FILE: 'groups.yml',
        // A signing secret alone: HTTP mode without a bot token.
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: 'secretappvaluewithoutprefix',
        PORT: 'eighty',
      },
    });
    expect(run.code).toBe(1);
    const problems = run.stdout.split('\n').filter((l) => l.startsWith('  ✗ '));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}✗ SLACK_APP_TOKEN: expected an app-level token starting with xapp-/),
        expect.stringMatching(/^ {2}✗ PORT: expected a port number/),
        expect.stringMatching(/^ {2}✗ SLACK_BOT_TOKEN: required/),
        expect.stringMatching(/^ {2}✗ groups\.yml: groups\.serverless\.timezone: expected an IANA time zone/),
        expect.stringMatching(/^ {2}✗ groups\.yml: groups\.serverless\.meetings\[0\]\.time: expected HH:MM/),
        expect.stringMatching(/^ {2}✗ groups\.yml: groups\.cf\.leads\[0\]: expected a Slack user id/),
        expect.stringMatching(/^ {2}✗ groups\.yml: groups\.cf\.meetings\[0\]\.day: expected one of monday/),
      ]),
    );
    expect(run.stdout).toContain(`gavel check: ${problems.length} problems`);
    expect(run.output).not.toContain(SIGNING_SECRET);
    expect(run.output).not.toContain('secretappvaluewithoutprefix');
  });

  it('reports a missing groups file by its path', async () => {
    const run = await runCli(['check'], { cwd: workDir(), env: { GROUPS_FILE: 'nowhere/groups.yml' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ nowhere/groups.yml: file not found');
  });

  it('treats no Slack credentials as the sandbox: a note, not an error', async () => {
    const run = await runCli(['check'], {
      cwd: workDir(SERVERLESS_YAML),
      env: { GROUPS_FILE: 'groups.yml' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Slack\s+none: the sandbox/);
    expect(run.stdout).toContain('- no Slack credentials: npm start runs the sandbox');
  });

  it('reads a service-account key file now rather than an hour before the first meeting', async () => {
    const cwd = workDir(SERVERLESS_YAML);
    writeFileSync(
      join(cwd, 'key.json'),
      JSON.stringify({ type: 'service_account', private_key: 'secretkeyvalue' }),
    );
    const missing = await runCli(['check'], {
      cwd,
      env: { GROUPS_FILE: 'groups.yml', GOOGLE_APPLICATION_CREDENTIALS: 'missing.json' },
    });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(
      '✗ GOOGLE_APPLICATION_CREDENTIALS: cannot read missing.json (file not found)',
    );
    const incomplete = await runCli(['check'], {
      cwd,
      env: { GROUPS_FILE: 'groups.yml', GOOGLE_APPLICATION_CREDENTIALS: 'key.json' },
    });
    expect(incomplete.code).toBe(1);
    expect(incomplete.stdout).toContain(
      '✗ GOOGLE_APPLICATION_CREDENTIALS: not a service-account key (missing client_email)',
    );
    expect(incomplete.output).not.toContain('secretkeyvalue');
  });

  it('answers wrong usage with exit status 2 and the usage text', async () => {
    const run = await runCli(['chek'], { cwd: workDir(), env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gavel: unknown command "chek"');
    expect(run.stderr).toContain('gavel check [--remote]');
  });
});

describe('gavel check --remote, against the Slack stand-in', () => {
  let slack: SlackApiServer;
  beforeAll(async () => {
    slack = await startSlackApiServer({
      token: BOT_TOKEN,
      channels: [{ id: 'C0SERVERLESS', name: 'serverless' }],
      users: [],
    });
  });
  afterAll(() => slack.close());
  const env = (overrides: Record<string, string> = {}) => ({
    GROUPS_FILE: 'groups.yml',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: `${slack.url}/api/`,
    ...overrides,
  });

  it('checks the token and resolves #channel names to ids', async () => {
    const run = await runCli(['check', '--remote'], { cwd: workDir(SERVERLESS_YAML), env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bot token accepted');
    expect(run.stdout).toContain('channels resolved: #serverless → C0SERVERLESS');
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('names the group whose channel Slack does not know', async () => {
    const yaml = SERVERLESS_YAML.replace("channel: '#serverless'", "channel: '#serverles'");
    const run = await runCli(['check', '--remote'], { cwd: workDir(yaml), env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ groups.serverless.channel: no channel named #serverles is visible to the bot',
    );
  });

  it('says Slack refused the token without printing it', async () => {
    const wrong = 'xoxb-9999-wrongsecrettokenvalue';
    const run = await runCli(['check', '--remote'], {
      cwd: workDir(SERVERLESS_YAML),
      env: env({ SLACK_BOT_TOKEN: wrong }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ SLACK_BOT_TOKEN: Slack refused it (invalid_auth)');
    expect(run.output).not.toContain(wrong);
  });

  it('says Slack could not be reached, not that it refused the token, when nothing answers', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}/api/`;
    const run = await runCli(['check', '--remote'], {
      cwd: workDir(SERVERLESS_YAML),
      env: env({ SLACK_API_URL: url }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `✗ SLACK_API_URL: Slack could not be reached at ${url} (connection refused); check the network, DNS or proxy, and SLACK_API_URL`,
    );
    expect(run.output).not.toContain('refused it');
    expect(run.output).not.toContain('fetch failed');
  });
});

describe('gavel check --remote, asking GitHub for the agenda counts', () => {
  let slack: SlackApiServer;
  let github: GithubApiServer;
  const GH_TOKEN = 'ghp_test0000000000000000000000000000gavel';
  const REFUSED = 'is:issue repo:cloudevents/nonexistent';
  beforeAll(async () => {
    slack = await startSlackApiServer({
      token: BOT_TOKEN,
      channels: [{ id: 'C0SERVERLESS', name: 'serverless' }],
      users: [],
    });
    github = await startGithubApiServer({ tokens: [GH_TOKEN] });
    github.addIssue({ owner: 'cloudevents', repo: 'spec', pullRequest: true });
    github.refuseSearch(REFUSED);
  });
  afterAll(async () => {
    await slack.close();
    await github.close();
  });
  const yaml = SERVERLESS_YAML.replace(
    '    reminders: [24h, 10m]\n',
    `    reminders: [24h, 10m]
    agenda:
      counts:
        - { title: Open PRs, query: 'is:pr is:open repo:cloudevents/spec' }
        - { title: Hidden issues, query: '${REFUSED}' }
`,
  );
  const env = { GROUPS_FILE: 'groups.yml', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN };

  it('reports a query GitHub refuses with its path, and the totals of the others', async () => {
    const run = await runCli(['check', '--remote'], {
      cwd: workDir(yaml),
      env: { ...env, SLACK_API_URL: `${slack.url}/api/`, GITHUB_TOKEN: GH_TOKEN, GITHUB_API_URL: github.url },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ groups.serverless.agenda.counts[1].query: GitHub refused the query: The listed users and repositories cannot be searched',
    );
    expect(run.stdout).toContain('GitHub counts Open PRs: 1 (serverless)');
    expect(run.output).not.toContain(GH_TOKEN);
  });

  it('says the counts need GitHub when it is not configured', async () => {
    const local = await runCli(['check'], {
      cwd: workDir(yaml),
      env: { ...env, SLACK_API_URL: `${slack.url}/api/` },
    });
    expect(local.stdout).toContain(
      'groups.serverless.agenda.counts: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): the counts show as unavailable',
    );
    const remote = await runCli(['check', '--remote'], {
      cwd: workDir(yaml),
      env: { ...env, SLACK_API_URL: `${slack.url}/api/` },
    });
    expect(remote.stdout).toContain('✗ groups.serverless.agenda.counts: GitHub is not configured');
  });
});
