import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/bundle.js';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const exampleGroups = join(repo, 'config/groups.example.yml');

/** The output files that `node <entry>` reads before running anything: its static imports. */
function filesReadAtStart(meta: Metafile, entry: string): string[] {
  const outputs = meta.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === entry);
  if (start === undefined) throw new Error(`no output for ${entry}`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !(path in outputs)) return;
    seen.add(path);
    for (const i of outputs[path]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(start);
  return [...seen];
}

/** The source files bundled into those. */
function sourcesReadAtStart(meta: Metafile, entry: string): string[] {
  return filesReadAtStart(meta, entry).flatMap((path) => Object.keys(meta.outputs[path]!.inputs));
}

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `node main.js` until it prints the sandbox banner; what it wrote to stdout up to then. */
/** Resolves at the sandbox's "sandbox ready" line, with stdout and stderr so far. */
function untilSandboxReady(child: ChildProcess): Promise<{ out: string; err: string; url: string }> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = out.split('\n').find((line) => line.includes('"msg":"sandbox ready"'));
      if (ready) resolve({ out, err, url: (JSON.parse(ready) as { url: string }).url });
    });
    child.once('exit', (code) => reject(new Error(`main.js exited with ${String(code)}: ${err}`)));
  });
}

describe('the production bundle (npm run build)', () => {
  // Outside dist/ so the test never races a build someone is running; node_modules is linked
  // in for the externals (better-sqlite3, pg), package.json for "type": "module".
  let dir: string;
  let dist: string;
  let meta: Metafile;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gavel-bundle-'));
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    dist = join(dir, 'dist');
    meta = await bundle(dist);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the sandbox and the Google and GitHub clients only when a process uses them', () => {
    const lazy =
      /^src\/(sandbox\/startSandbox|standins\/|google\/|github\/github(FromConfig|Client))|node_modules\/(@googleapis|googleapis-common|google-auth-library|@octokit\/(rest|core|auth-app))\//;
    const bundled = Object.keys(meta.inputs);
    expect(bundled.filter((path) => lazy.test(path)).length).toBeGreaterThan(20);
    const atStart = sourcesReadAtStart(meta, 'src/main.ts');
    expect(atStart).toContain('src/gavel.ts');
    expect(atStart).toContain('node_modules/@slack/bolt/dist/App.js');
    expect(atStart.filter((path) => lazy.test(path))).toEqual([]);
  });

  it('keeps the files read at start ASCII, which V8 stores at one byte per character', () => {
    // One non-ASCII character (a comment with a curly quote will do) doubles a file in memory.
    const files = filesReadAtStart(meta, 'src/main.ts');
    expect(files.length).toBeGreaterThan(1);
    const notAscii = files.filter((path) => /[\u0080-\uffff]/.test(readFileSync(join(repo, path), 'utf8')));
    expect(notAscii).toEqual([]);
  });

  it('starts: with no Slack credentials the sandbox answers /healthz, logging JSON lines', async () => {
    const child = spawn(process.execPath, [join(dist, 'main.js')], {
      cwd: dir,
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dir, 'data'),
        GROUPS_FILE: exampleGroups,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const { out, err, url } = await untilSandboxReady(child);
      // The banner is for the terminal (stderr); stdout is JSON lines only.
      expect(err).toContain(`Open ${url}`);
      const port = /^http:\/\/localhost:(\d+)\/sandbox$/.exec(url)![1]!;
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      const logLines = out.split('\n').filter((line) => line !== '');
      expect(logLines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain(
        'migration applied',
      );
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    }
  });

  describe('a failed start is one JSON line on stdout and a non-zero exit', () => {
    const wrongToken = 'xoxb-4242-refused-canary-token';
    let slack: SlackApiServer;
    let groupsFile: string;
    beforeAll(async () => {
      slack = await startSlackApiServer({
        token: 'xoxb-the-right-token',
        channels: [{ id: 'C0SERVERLESS', name: 'serverless' }],
        users: [],
      });
      groupsFile = join(dir, 'groups.yml');
      // By id: no conversations.list at start, so only the token check can catch a bad token.
      writeFileSync(
        groupsFile,
        [
          'groups:',
          '  serverless:',
          '    name: CNCF Serverless WG',
          '    channel: C0SERVERLESS',
          '    timezone: America/Los_Angeles',
          '    leads: [U0LEAD001]',
          '    meetings: [{ title: Weekly call, day: thursday, time: "09:00", duration: 1h }]',
          '',
        ].join('\n'),
      );
    });
    afterAll(() => slack.close());

    /** `node dist/main.js` with Slack settings, to its exit. */
    const start = async (env: Record<string, string>) => {
      const child = spawn(process.execPath, [join(dist, 'main.js')], {
        cwd: dir,
        env: {
          PATH: process.env['PATH'] ?? '',
          SLACK_SIGNING_SECRET: 'bundle-test-signing-secret-0123456789',
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: join(dir, 'failed-start-data'),
          GROUPS_FILE: groupsFile,
          LOG_LEVEL: 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // A start that does not fail (the regression this guards against) must not outlive the test.
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code] = (await once(child, 'close')) as [number | null];
      clearTimeout(guard);
      const lines = stdout.split('\n').filter((line) => line !== '');
      return { code, lines, stderr, entry: () => JSON.parse(lines[0] ?? '') as Record<string, unknown> };
    };

    it('names SLACK_BOT_TOKEN when Slack refuses it (invalid_auth), and never prints it', async () => {
      const run = await start({ SLACK_BOT_TOKEN: wrongToken, SLACK_API_URL: `${slack.url}/api/` });
      expect(run.code).toBe(78);
      expect(run.lines).toHaveLength(1);
      expect(run.stderr).toBe('');
      expect(run.entry()).toMatchObject({
        level: 60,
        failed: 'slack',
        variable: 'SLACK_BOT_TOKEN',
        slack: { kind: 'refused', error: 'invalid_auth' },
        msg: 'gavel cannot start: Slack refused SLACK_BOT_TOKEN (invalid_auth)',
      });
      expect(String(run.entry()['fix'])).toContain('OAuth & Permissions');
      expect(run.lines[0]).not.toContain(wrongToken);
    });

    it('says Slack could not be reached when nothing answers at SLACK_API_URL', async () => {
      const url = `http://127.0.0.1:${await closedPort()}/api/`;
      const run = await start({ SLACK_BOT_TOKEN: wrongToken, SLACK_API_URL: url });
      expect(run.code).toBe(69);
      expect(run.lines).toHaveLength(1);
      expect(run.stderr).toBe('');
      expect(run.entry()).toMatchObject({
        failed: 'slack',
        variable: 'SLACK_API_URL',
        slack: { kind: 'unreachable', reason: 'connection refused' },
        msg: `gavel cannot start: Slack could not be reached at ${url} (connection refused)`,
      });
      expect(run.lines[0]).not.toContain('refused SLACK_BOT_TOKEN');
    });

    it('shows any other failure’s stack with source files and lines, not the bundle’s', async () => {
      const run = await start({
        SLACK_BOT_TOKEN: 'xoxb-the-right-token',
        SLACK_API_URL: `${slack.url}/api/`,
        DATA_DIR: '/dev/null/gavel',
      });
      expect(run.code).toBe(1);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]!.length).toBeLessThan(5000);
      const entry = run.entry() as { msg: string; error: { stack: string } };
      expect(entry.msg).toContain('gavel failed to start: ENOTDIR');
      expect(entry.error.stack).toMatch(/src\/gavel\.ts:\d+:\d+/);
      expect(entry.error.stack).not.toMatch(/dist\/(chunks|main\.js)/);
    });
  });

  it('runs `gavel check` on the example groups file', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'cli.js'), 'check'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', GROUPS_FILE: exampleGroups },
    });
    expect(stdout).toContain('gavel check: the configuration is valid');
    expect(stdout).toContain('serverless');
  });

  it('reads skip_holidays with date-holidays from node_modules, and reports an unknown region', async () => {
    const file = join(dir, 'holidays.yml');
    const group = (regions: string) =>
      `groups:\n  wg:\n    name: WG\n    channel: "#wg"\n    timezone: UTC\n    leads: [U012AB3CD]\n` +
      `    meetings: [{ day: thursday, time: "09:00" }]\n    skip_holidays: ${regions}\n`;
    writeFileSync(file, group('[US, DE-BY]'));
    const cli = [join(dist, 'cli.js'), 'check'];
    const env = { PATH: process.env['PATH'] ?? '', GROUPS_FILE: file };
    const { stdout } = await promisify(execFile)(process.execPath, cli, { cwd: dir, env });
    expect(stdout).toContain('gavel check: the configuration is valid');
    writeFileSync(file, group('[US, XX]'));
    const failed = await promisify(execFile)(process.execPath, cli, { cwd: dir, env }).catch(
      (error: { stdout: string }) => error,
    );
    expect(failed.stdout).toContain('groups.wg.skip_holidays[1]: XX: no public holidays are known');
  });
});
