import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { sendSlashCommand } from '../../src/standins/slackRequests.js';

// Distinctive values: if either shows up in any output line, a secret leaked.
const BOT_TOKEN = 'xoxb-4242-leak-canary-bot-token';
const SIGNING_SECRET = 'leak-canary-signing-secret-0123456789';

const GROUPS = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD001]
    meetings: [{ title: Weekly call, day: thursday, time: "09:00", duration: 1h }]
`;

describe('the gavel process (src/main.ts)', () => {
  let slack: SlackApiServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gavel-process-'));
  afterEach(async () => {
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the environment, answers, stops cleanly on SIGTERM, and never logs a secret', async () => {
    slack = await startSlackApiServer({
      token: BOT_TOKEN,
      channels: [{ id: 'C0SERVERLESS', name: 'serverless' }],
      users: [],
    });
    const groupsFile = join(dir, 'groups.yml');
    writeFileSync(groupsFile, GROUPS);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env['PATH'] ?? '',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `${slack.url}/api/`,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'data'),
        GROUPS_FILE: groupsFile,
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (l) => lines.push(l));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${lines.join('\n')}`)), 20_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'gavel started' && entry.port) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      });
    });
    const url = `http://127.0.0.1:${port}`;

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const help = await sendSlashCommand(url, SIGNING_SECRET, {
      command: '/agenda',
      text: 'help',
      userId: 'U0MEMBER1',
      channelId: 'C0SERVERLESS',
      responseUrl: slack.responseUrl(),
      triggerId: 'trigger-process',
    });
    expect(JSON.stringify(help.body)).toContain('/agenda add <topic>');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const output = lines.join('\n');
    expect(output).toContain('gavel stopped');
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
  });
});

describe('gavel without Slack credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gavel-sandbox-process-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs src/main.ts with `env` and no Slack settings; resolves at `until` or at exit. */
  const run = (env: Record<string, string>, until?: (line: string) => boolean) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', DATA_DIR: join(dir, 'data'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
    return new Promise<{ code: number | null; stdout: string[]; stderr: string[] }>((resolve) => {
      createInterface({ input: child.stdout }).on('line', (l) => {
        stdout.push(l);
        if (until?.(l)) {
          child.once('close', (code) => resolve({ code, stdout, stderr }));
          child.kill('SIGTERM');
        }
      });
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  };

  it('refuses to start in production with one clear line, instead of serving a sandbox', async () => {
    const result = await run({ NODE_ENV: 'production' });
    expect(result.code).toBe(78);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/^gavel cannot start: no Slack credentials .*NODE_ENV=production$/);
    expect(result.stdout.some((l) => l.includes('"gavel started"'))).toBe(false);
  });

  it('runs the sandbox on the loopback interface unless HOST says otherwise', async () => {
    const started = (l: string) => l.includes('"msg":"gavel started"');
    const host = (lines: string[]) => (JSON.parse(lines.find(started) ?? '{}') as { host?: string }).host;
    expect(host((await run({}, started)).stdout)).toBe('127.0.0.1');
    expect(host((await run({ HOST: '0.0.0.0' }, started)).stdout)).toBe('0.0.0.0');
  });

  it('says on stderr where the sandbox is, and writes only JSON lines on stdout', async () => {
    const ready = await run({}, (l) => l.includes('"msg":"sandbox ready"'));
    expect(ready.stdout.length).toBeGreaterThan(1);
    for (const line of ready.stdout) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const readyLine = ready.stdout.find((l) => l.includes('"msg":"sandbox ready"'))!;
    const url = (JSON.parse(readyLine) as { url?: string }).url;
    expect(url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/sandbox$/);
    expect(ready.stderr.join('\n')).toContain(`Open ${url}`);
  });
});
