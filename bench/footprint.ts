import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSlackApiServer } from '../src/standins/slackApiServer.js';
import { ACK_CHANNEL, ACK_GROUPS_YAML } from './ackGroups.js';
import { type BenchRow, judged } from './benchRow.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from './startBenchGavel.js';

const GIVE_UP_MS = 15_000;
const IDLE_MS = 2000;

/** main.ts has no way to report the port it got for PORT=0, so take a free one and hand it over. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function vmRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Math.round((Number(kb) / 1024) * 10) / 10;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * The production entry point (`node dist/main.js`, the bundle `npm run build` makes beforehand)
 * with the smallest real configuration: time from spawn to the first 200 on /healthz, then
 * resident memory after it has sat idle for a moment. SQLite in a temp folder; Slack is the
 * stand-in.
 */
export async function footprint(): Promise<BenchRow[]> {
  const slack = await startSlackApiServer({
    token: BENCH_BOT_TOKEN,
    channels: [{ id: ACK_CHANNEL, name: 'bench' }],
    users: [],
  });
  const dir = mkdtempSync(join(tmpdir(), 'gavel-footprint-'));
  const groupsFile = join(dir, 'groups.yml');
  writeFileSync(groupsFile, ACK_GROUPS_YAML);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    // Only what a real deployment sets; nothing inherited that could change the result.
    env: {
      PATH: process.env['PATH'] ?? '',
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'data'),
      GROUPS_FILE: groupsFile,
      LOG_LEVEL: 'info',
    },
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = `http://127.0.0.1:${port}/healthz`;
    let coldStartMs = Number.POSITIVE_INFINITY;
    while (performance.now() - started < GIVE_UP_MS && child.exitCode === null) {
      if (await healthy(url)) {
        coldStartMs = performance.now() - started;
        break;
      }
      await sleep(10);
    }
    if (!Number.isFinite(coldStartMs)) {
      throw new Error(`gavel never answered 200 on /healthz: ${stderr.slice(0, 500)}`);
    }
    await sleep(IDLE_MS);
    const rss = vmRssMb(child.pid ?? 0);
    return [
      judged(
        'footprint',
        'cold start to 200 on /healthz',
        Math.round(coldStartMs),
        'ms',
        '< 1000 ms',
        coldStartMs < 1000,
        'node dist/main.js, SQLite, one group; includes Node start, migrations, planning, auth.test',
      ),
      judged(
        'footprint',
        'idle RSS',
        rss,
        'MB',
        '< 120 MB',
        rss < 120,
        `VmRSS ${IDLE_MS / 1000} s after healthy`,
      ),
    ];
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
