/** One measured number, with the target it is judged against (if any). */
export interface BenchRow {
  /** Which part of the bench measured it: ack, fanout, scheduler, footprint. */
  readonly part: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Human-readable target, e.g. "< 50 ms"; absent for context rows (baseline numbers). */
  readonly target?: string;
  readonly pass?: boolean;
  /** Why a number looks the way it does, or what it includes. */
  readonly note?: string;
}

/** A row judged by `pass`; `target` says what was asked for. */
export function judged(
  part: string,
  name: string,
  value: number,
  unit: string,
  target: string,
  pass: boolean,
  note?: string,
): BenchRow {
  return { part, name, value, unit, target, pass, ...(note ? { note } : {}) };
}

/** A row with no target: context for the judged ones. */
export function info(part: string, name: string, value: number, unit: string, note?: string): BenchRow {
  return { part, name, value, unit, ...(note ? { note } : {}) };
}
