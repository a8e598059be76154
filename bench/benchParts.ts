import type { BenchRow } from './benchRow.js';

/** The bench's parts in the order they run; each runs in its own child process (see run.ts). */
export const BENCH_PARTS: Readonly<Record<string, () => Promise<BenchRow[]>>> = {
  ack: async () => (await import('./ackThroughput.js')).ackThroughput(),
  fanout: async () => (await import('./reminderFanout.js')).reminderFanout(),
  scaleout: async () => (await import('./scaleOut.js')).scaleOut(),
  scheduler: async () => (await import('./schedulerScale.js')).schedulerScale(),
  footprint: async () => (await import('./footprint.js')).footprint(),
};
