import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';

const problemsOf = (env: Record<string, string>) => {
  const r = loadConfig(env);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('the environment', () => {
  it('runs in HTTP mode with a bot token and signing secret, SQLite and port 3000 by default', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 's3cret-value' });
    expect(r.ok && r.config).toMatchObject({
      slack: { kind: 'http', botToken: 'xoxb-1-2-abc', signingSecret: 's3cret-value' },
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      slackApiUrl: 'https://slack.com/api/',
      github: undefined,
      google: undefined,
    });
  });

  it('budgets 100 Slack posting calls a minute unless SLACK_CALLS_PER_MINUTE says otherwise', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 's3cret-value' };
    const budget = (value?: string) => {
      const r = loadConfig(value === undefined ? base : { ...base, SLACK_CALLS_PER_MINUTE: value });
      return r.ok ? r.config.slackCallsPerMinute : r.problems;
    };
    expect(budget()).toBe(100);
    expect(budget('')).toBe(100);
    expect(budget('300')).toBe(300);
    for (const bad of ['5', '2.5', 'lots', '20000'])
      expect(budget(bad)).toEqual([expect.stringMatching(/^SLACK_CALLS_PER_MINUTE: /)]);
  });

  it('runs in Socket Mode when an app-level token is set, without a signing secret', () => {
    const r = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-2' });
    expect(r.ok && r.config.slack).toEqual({ kind: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1-A-2' });
  });

  it('names every missing or malformed variable and never echoes a value', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/gavel',
      GITHUB_APP_ID: '123',
    });
    const text = problems.join('\n');
    expect(text).toMatch(/^SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/m);
    expect(text).toMatch(/^PORT: /m);
    expect(text).toMatch(/^DATABASE_URL: expected postgres:/m);
    expect(text).toMatch(/^GITHUB_APP_PRIVATE_KEY: required/m);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('xoxp-user-token-secret');
  });

  it('needs a signing secret in HTTP mode', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' }).join()).toMatch(
      /SLACK_SIGNING_SECRET: required in HTTP mode/,
    );
  });

  it('has no Slack connection at all when no Slack variable is set (the sandbox)', () => {
    const r = loadConfig({});
    expect(r.ok && r.config.slack).toEqual({ kind: 'none' });
  });

  it('selects GitHub and Google authentication from what is set', () => {
    const r = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      GITHUB_TOKEN: 'ghp_x',
      GITHUB_API_URL: 'https://ghe.example.org/api/v3',
      GOOGLE_CREDENTIALS_JSON: '{}',
      GOOGLE_IMPERSONATE: 'clerk@example.org',
    });
    expect(r.ok && r.config.github).toEqual({
      auth: { kind: 'token', token: 'ghp_x' },
      apiUrl: 'https://ghe.example.org/api/v3',
      webhookSecret: undefined,
    });
    expect(r.ok && r.config.google?.auth).toEqual({
      kind: 'service-account-json',
      json: '{}',
      subject: 'clerk@example.org',
    });
  });
});
