#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCommand } from './cli/checkCommand.js';
import type { CommandResult } from './cli/commandResult.js';
import { previewCommand } from './cli/previewCommand.js';
import { USAGE } from './cli/usage.js';

/**
 * `gavel check` and `gavel preview`. Like main.ts, an entry point: it and main.ts are the
 * only readers of process.env and of the real clock; the commands get both as arguments, so
 * tests pin `--now` and pass their own environment.
 */
async function cli(argv: readonly string[]): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        remote: { type: 'boolean', default: false },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { exitCode: 0, stdout: USAGE, stderr: '' };

  // Same environment npm start sees: .env first, without overriding what is already set.
  const dotenv = existsSync('.env');
  if (dotenv) process.loadEnvFile('.env');
  const env = process.env;

  if (command === 'check') {
    if (rest.length > 0) return usageError(`check takes no arguments (got ${rest.join(' ')})`);
    if (values.now !== undefined) return usageError('--now is for preview');
    return checkCommand({
      env,
      envSource: dotenv ? '.env and the process environment' : 'the process environment; no .env file',
      remote: values.remote,
    });
  }
  if (command === 'preview') {
    if (rest.length > 1) return usageError('preview takes at most one group id');
    if (values.remote) return usageError('--remote is for check');
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime()))
      return usageError(`--now: expected an ISO instant such as 2026-10-26T12:00:00Z`);
    return previewCommand({ env, groupId: rest[0], now });
  }
  return usageError(command === undefined ? 'which command?' : `unknown command "${command}"`);
}

const usageError = (message: string): CommandResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `gavel: ${message}\n\n${USAGE}`,
});

cli(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`gavel: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
