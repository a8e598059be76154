import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD_ENTRY = fileURLToPath(new URL('./childGavel.ts', import.meta.url));
/** Kept for a failure message: the tail of what the children said. */
const OUTPUT_LINES = 400;

export interface GavelProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** The child's fake clock as it last reported it: where the next child resumes. */
  lastNow(): string;
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code and whether it said it stopped. */
  terminate(timeoutMs: number): Promise<{ code: number | null; stoppedCleanly: boolean }>;
}

/** Everything children printed (pino's warnings and errors, crashes), newest last. */
export const childOutput: string[] = [];

const remember = (pid: number | undefined, line: string) => {
  childOutput.push(`[${pid ?? '?'}] ${line}`);
  if (childOutput.length > OUTPUT_LINES) childOutput.shift();
};

/**
 * Starts test/fault/support/childGavel.ts with `node --import tsx` and resolves once it
 * reports its bound port.
 */
export function startGavelProcess(env: Readonly<Record<string, string>>, startupTimeoutMs: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD_ENTRY], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let now = env['GAVEL_FAKE_NOW'] ?? '';
  let stoppedCleanly = false;
  createInterface({ input: child.stderr! }).on('line', (line) => remember(child.pid, line));

  return new Promise<GavelProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the gavel child did not report its port within ${startupTimeoutMs} ms`));
    }, startupTimeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the gavel child exited with ${code} before it was ready`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const said = parseLine(line);
      if (said?.child === 'now' && typeof said.at === 'string') now = said.at;
      else if (said?.child === 'stopped') stoppedCleanly = true;
      else if (said?.child === 'ready' && typeof said.port === 'number') {
        clearTimeout(timer);
        const port = said.port;
        resolve({
          pid: child.pid!,
          port,
          url: `http://127.0.0.1:${port}`,
          lastNow: () => now,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          terminate: async (timeoutMs) => {
            child.kill('SIGTERM');
            const late = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            const code = await exited;
            clearTimeout(late);
            return { code, stoppedCleanly };
          },
        });
      } else remember(child.pid, line);
    });
  });
}

function parseLine(line: string): { child?: unknown; at?: unknown; port?: unknown } | undefined {
  if (!line.startsWith('{"child"')) return undefined;
  try {
    return JSON.parse(line) as { child?: unknown; at?: unknown; port?: unknown };
  } catch {
    return undefined;
  }
}
