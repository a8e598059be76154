import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { SERVERLESS_YAML } from './groupsFixture.js';
import { runCli, workDir } from './runCli.js';

const BOT_TOKEN = 'xoxb-1111-2222-secretbottokenvalue';
const GITHUB_TOKEN = 'ghp_secretgithubtokenvalue';

const withSources = (repos: string, label = 'wg-agenda') =>
  SERVERLESS_YAML.replace(
    '    reminders: [24h, 10m]\n',
    `    reminders: [24h, 10m]\n    agenda:\n      github:\n        label: ${label}\n        repos: ${repos}\n`,
  );

describe('the agenda’s GitHub sources in the CLI', () => {
  let slack: SlackApiServer;
  let github: GithubApiServer;
  beforeAll(async () => {
    slack = await startSlackApiServer({
      token: BOT_TOKEN,
      channels: [{ id: 'C0SERVERLESS', name: 'serverless' }],
      users: [],
    });
    github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
    github.addIssue({ owner: 'cncf', repo: 'toc', title: 'One', labels: ['wg-agenda'] });
    github.addIssue({ owner: 'cncf', repo: 'toc', title: 'Two', labels: ['wg-agenda'], pullRequest: true });
    github.hide('cncf/secret', 404);
    github.hide('nosuchowner');
  });
  afterAll(async () => {
    await slack.close();
    await github.close();
  });

  it('gavel preview names the label and the repositories the agenda comes from', async () => {
    const run = await runCli(['preview', 'serverless', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(withSources('[cncf/wg-serverless, cloudevents/*]')),
      env: { GROUPS_FILE: 'groups.yml' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '     github     open issues and pull requests labelled "wg-agenda" in cncf/wg-serverless, every repository of cloudevents',
    );
  });

  it('gavel check --remote says which source GitHub refused or gavel cannot read, and counts the others', async () => {
    const run = await runCli(['check', '--remote'], {
      cwd: workDir(withSources('[cncf/toc, cncf/secret, nosuchowner/*]')),
      env: {
        GROUPS_FILE: 'groups.yml',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-A111-secretapptokenvalue',
        SLACK_API_URL: `${slack.url}/api/`,
        GITHUB_TOKEN,
        GITHUB_API_URL: github.url,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('GitHub, asked just now (--remote)');
    expect(run.stdout).toContain(
      'groups.serverless.agenda.github.repos[0]: cncf/toc: 2 open, labelled "wg-agenda"',
    );
    expect(run.stdout).toMatch(
      /✗ groups\.serverless\.agenda\.github\.repos\[1\]: gavel cannot read cncf\/secret \(GitHub 404 failed: .*\); check the name, and that gavel's token or GitHub App may read it/,
    );
    expect(run.stdout).toMatch(
      /✗ groups\.serverless\.agenda\.github\.repos\[2\]: GitHub refused to search nosuchowner\/\* \(GitHub 422 failed: .*\); check the owner's name and the label/,
    );
    expect(run.output).not.toContain(GITHUB_TOKEN);
  });

  it('gavel check refuses a label GitHub could not be asked for and a repository that is no name, by path', async () => {
    const run = await runCli(['check'], {
      cwd: workDir(withSources('[cncf, cloudevents/*]', '"a,b"')),
      env: { GROUPS_FILE: 'groups.yml' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ groups.yml: groups.serverless.agenda.github.label: expected a label name without quotes or commas',
    );
    expect(run.stdout).toContain(
      '✗ groups.yml: groups.serverless.agenda.github.repos[0]: expected owner/name or owner/*',
    );
  });

  it('gavel check notes that without GitHub credentials no agenda items come from GitHub', async () => {
    const run = await runCli(['check'], {
      cwd: workDir(withSources('[cncf/wg-serverless]')),
      env: {
        GROUPS_FILE: 'groups.yml',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-A111-secretapptokenvalue',
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '- groups.serverless.agenda.github: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): no agenda items come from GitHub',
    );
  });
});
