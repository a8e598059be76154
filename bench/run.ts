import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { BENCH_PARTS } from './benchParts.js';
import type { BenchRow } from './benchRow.js';
import { ENGINES, POSTGRES_ADMIN_URL } from '../test/support/databases.js';
import { type BenchReport, machine, printReport, writeReport } from './report.js';

const RESULTS = new URL('./results/latest.json', import.meta.url);
/**
 * A part that hangs is reported as not run rather than holding the whole bench. The scheduler
 * part plans 10,000 groups on both engines: minutes on a loaded machine.
 */
const PART_TIMEOUT_MS = 1_200_000;

async function runPart(name: string): Promise<BenchRow[]> {
  const child = fork(new URL('./runPart.ts', import.meta.url), [name], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let rows: BenchRow[] | undefined;
  child.on('message', (m) => (rows = (m as { rows: BenchRow[] }).rows));
  const timer = setTimeout(() => child.kill('SIGKILL'), PART_TIMEOUT_MS);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  if (!rows) throw new Error(`exited with ${signal ?? String(code)} before reporting`);
  return rows;
}

/**
 * `npm run bench`: every part, a Markdown table on stdout, the full report in
 * bench/results/latest.json. A missed target is a finding, not a failure: the exit code is 0.
 */
async function main(): Promise<void> {
  const startedAt = new Date();
  const only = process.argv.slice(2);
  const names = Object.keys(BENCH_PARTS).filter((n) => only.length === 0 || only.includes(n));
  const rows: BenchRow[] = [];
  const failures: { part: string; error: string }[] = [];
  // Each part measures PostgreSQL only when it answers; say so rather than leave its rows out.
  if (!ENGINES.includes('postgres')) {
    failures.push({
      part: 'postgres',
      error: `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: its rows were not measured (GAVEL_REQUIRE_POSTGRES=1 makes every part fail instead)`,
    });
  }
  for (const name of names) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = performance.now();
    try {
      // The footprint part measures the production build, so build it first.
      if (name === 'footprint') execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
      rows.push(...(await runPart(name)));
    } catch (error) {
      failures.push({ part: name, error: error instanceof Error ? error.message : String(error) });
    }
    process.stderr.write(`bench: ${name} took ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: machine(),
    node: process.versions.node,
    rows,
    failures,
  };
  printReport(report);
  writeReport(RESULTS.pathname, report);
  process.stdout.write(`\nWritten to bench/results/latest.json\n`);
}

await main();
