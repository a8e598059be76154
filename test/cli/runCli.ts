import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tsx = pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
const cliPath = join(repo, 'src/cli.ts');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together: what the operator sees. */
  readonly output: string;
}

/** A fresh directory with a groups file in it: the CLI runs there, so no repo `.env` leaks in. */
export function workDir(groupsYaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gavel-cli-'));
  if (groupsYaml !== undefined) writeFileSync(join(dir, 'groups.yml'), groupsYaml);
  return dir;
}

/**
 * Runs `node --import tsx src/cli.ts …` as a real child process with exactly `env` (plus PATH),
 * asynchronously so a stand-in server in this process can answer it.
 */
export function runCli(
  args: readonly string[],
  opts: { cwd: string; env: Record<string, string> },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', tsx, cliPath, ...args],
      { cwd: opts.cwd, env: { PATH: process.env['PATH'] ?? '', ...opts.env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`the CLI did not run: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr, output: stdout + stderr });
      },
    );
  });
}
