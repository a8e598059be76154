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
