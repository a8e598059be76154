import { BENCH_PARTS } from './benchParts.js';

/**
 * One part of the bench in a process of its own, so one part's heap, event loop and database
 * pools cannot color another's numbers. Forked by run.ts; sends its rows back over IPC.
 */
const name = process.argv[2] ?? '';
const part = BENCH_PARTS[name];
if (!part) throw new Error(`unknown bench part "${name}"; one of ${Object.keys(BENCH_PARTS).join(', ')}`);
const rows = await part();
// Exit once the rows are handed over: pools and servers a part forgot to close must not keep
// the run waiting.
if (process.send) process.send({ rows }, () => process.exit(0));
else process.exit(0);
