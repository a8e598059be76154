import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { BenchRow } from './benchRow.js';

export interface BenchReport {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGiB: number };
  readonly node: string;
  readonly rows: readonly BenchRow[];
  /** Parts that could not run, with the reason: printed, never silently dropped. */
  readonly failures: readonly { readonly part: string; readonly error: string }[];
}

export function machine(): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

/** Numbers keep the precision a reader can use: 3 significant digits, no float noise. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const verdict = (row: BenchRow) => (row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL');

/** The table as Markdown, so the same text goes to stdout and into the README. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const header = ['part', 'measure', 'value', 'target', 'result'];
  const body = rows.map((r) => [
    r.part,
    r.name,
    `${formatValue(r.value)} ${r.unit}`.trim(),
    r.target ?? '',
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

export function printReport(report: BenchReport): void {
  const lines = [
    '',
    `gavel bench: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.node}, ${report.durationSeconds} s`,
    '',
    markdownTable(report.rows),
  ];
  const notes = report.rows.filter((r) => r.note);
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const r of notes) lines.push(`- ${r.part} / ${r.name}: ${r.note}`);
  }
  const missed = report.rows.filter((r) => r.pass === false);
  lines.push(
    '',
    missed.length === 0
      ? 'All targets met.'
      : `Targets missed (${missed.length}): ${missed.map((r) => `${r.part} / ${r.name}`).join('; ')}`,
  );
  for (const f of report.failures) lines.push(`Part ${f.part} did not run: ${f.error}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
