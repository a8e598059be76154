import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { slackSignature, slashCommandBody } from '../src/standins/slackRequests.js';
import { ENGINES, type Engine, freshDatabase, type TestDatabase } from '../test/support/databases.js';
import { ACK_CHANNEL, ACK_USER } from './ackGroups.js';
import { type BenchRow, info, judged } from './benchRow.js';
import { BENCH_SIGNING_SECRET } from './startBenchGavel.js';

const CONNECTIONS = 20;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
const profileDir = process.env['BENCH_CPU_PROF'];

interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** Topics whose add was acknowledged with the "added #n" answer. */
  readonly acked: readonly string[];
  /** The server's CPU time (user + system) per completed request during the measured load. */
  readonly cpuMsPerRequest: number;
}

/**
 * `/agenda add` as Slack sends it (form body, fresh signature per request), 20 connections
 * for 10 s, against a bare Bolt app that only acks and against the real gavel on each engine.
 *
 * The baseline runs twice, before and after gavel, and the ratio is taken against the faster
 * of the two: on a shared machine one run can be slowed by a neighbour, and a slow baseline
 * must not flatter gavel.
 */
export async function ackThroughput(): Promise<BenchRow[]> {
  const before = await againstServer('bolt', undefined);
  const measured: { engine: Engine; load: LoadResult; lost: number }[] = [];
  for (const engine of ENGINES) {
    const db = await freshDatabase(engine);
    try {
      const load = await againstServer('gavel', db);
      const stored = new Set(
        (await db.opened.db.selectFrom('agenda_items').select('topic').execute()).map((r) => r.topic),
      );
      measured.push({ engine, load, lost: load.acked.filter((t) => !stored.has(t)).length });
    } finally {
      await db.dispose();
    }
  }
  const after = await againstServer('bolt', undefined);
  const baseline = before.requestsPerSecond >= after.requestsPerSecond ? before : after;
  const rows: BenchRow[] = [
    info(
      'ack',
      'baseline (bare Bolt) req/s, run before / after',
      before.requestsPerSecond,
      `/ ${Math.round(after.requestsPerSecond).toLocaleString('en-US')} req/s`,
    ),
    info('ack', 'baseline (faster run) p50 / p99', baseline.p50, `/ ${baseline.p99} ms`),
    info('ack', 'baseline (faster run) server CPU per request', baseline.cpuMsPerRequest, 'ms'),
  ];
  for (const { engine, load, lost } of measured) {
    const ratio = load.requestsPerSecond / baseline.requestsPerSecond;
    rows.push(
      info('ack', `${engine}: /agenda add req/s`, load.requestsPerSecond, 'req/s'),
      judged('ack', `${engine}: throughput vs faster baseline`, ratio, '×', '≥ 0.7', ratio >= 0.7),
      info('ack', `${engine}: p50 latency`, load.p50, 'ms'),
      info('ack', `${engine}: server CPU per request`, load.cpuMsPerRequest, 'ms'),
      judged('ack', `${engine}: p99 latency`, load.p99, 'ms', '< 50 ms', load.p99 < 50),
      judged('ack', `${engine}: errors`, load.errors, '', '0', load.errors === 0),
      judged('ack', `${engine}: acknowledged adds lost`, lost, `of ${load.acked.length}`, '0', lost === 0),
    );
  }
  return rows;
}

async function againstServer(kind: 'bolt' | 'gavel', db: TestDatabase | undefined): Promise<LoadResult> {
  const server = fork(new URL('./ackServer.ts', import.meta.url), [kind], {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server, to see where an ack's time goes.
    execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_DATA_DIR: db?.dataDir ?? '',
      BENCH_DATABASE_URL: db?.databaseUrl ?? '',
    },
  });
  try {
    const message = await Promise.race([
      once(server, 'message').then(([m]) => m as { url: string }),
      once(server, 'exit').then(([code]) => {
        throw new Error(`the ${kind} server exited with ${String(code)} before listening`);
      }),
    ]);
    await load(message.url, 'warm', WARMUP_SECONDS);
    const cpuBefore = await serverCpuMicros(server);
    const result = await load(message.url, kind === 'gavel' ? engineLabel(db?.engine) : 'bolt', SECONDS);
    const cpuMicros = (await serverCpuMicros(server)) - cpuBefore;
    return { ...result, cpuMsPerRequest: cpuMicros / 1000 / Math.max(1, result.requests) };
  } finally {
    await stopServer(server);
  }
}

const engineLabel = (engine: Engine | undefined) => engine ?? 'none';

async function serverCpuMicros(server: ChildProcess): Promise<number> {
  const answer = once(server, 'message').then(([m]) => (m as { cpuMicros: number }).cpuMicros);
  server.send('cpu');
  return answer;
}

async function load(
  url: string,
  label: string,
  seconds: number,
): Promise<Omit<LoadResult, 'cpuMsPerRequest'> & { requests: number }> {
  let seq = 0;
  const acked: string[] = [];
  let badAnswers = 0;
  const result = await autocannon({
    url: `${url}/slack/events`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request, context) => {
          seq += 1;
          const topic = `bench-${label}-${seq}`;
          (context as Record<string, unknown>)['topic'] = topic;
          const body = slashCommandBody({
            command: '/agenda',
            text: `add ${topic}`,
            userId: ACK_USER,
            channelId: ACK_CHANNEL,
            responseUrl: 'http://127.0.0.1:9/response/unused',
            triggerId: `trigger-${seq}`,
          });
          const timestamp = Math.floor(Date.now() / 1000);
          return {
            ...request,
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-slack-request-timestamp': String(timestamp),
              'x-slack-signature': slackSignature(BENCH_SIGNING_SECRET, timestamp, body),
            },
          };
        },
        onResponse: (status, body, context) => {
          const topic = (context as Record<string, unknown>)['topic'] as string;
          // The bare Bolt app acks with an empty body; gavel answers "… added #n …: topic".
          if (status !== 200) return;
          if (label === 'bolt' || label === 'warm') return;
          if (body.includes('added #') && body.includes(topic)) acked.push(topic);
          else badAnswers += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + badAnswers,
    acked,
    requests: result.requests.total,
  };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = once(server, 'exit');
  server.send('stop');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
