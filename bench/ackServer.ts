import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../src/core/clock.js';
import { createLogger } from '../src/log/logger.js';
import { startSlackApiServer } from '../src/standins/slackApiServer.js';
import { ACK_CHANNEL, ACK_GROUPS_YAML } from './ackGroups.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, startBenchGavel } from './startBenchGavel.js';

/**
 * The server side of the ack bench, in its own process so the load generator does not share
 * its event loop: either the real gavel or a bare Bolt app that only acks (the baseline).
 * Forked by ackThroughput.ts; tells its URL over IPC and stops on the message "stop".
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  const slack = await startSlackApiServer({
    token: BENCH_BOT_TOKEN,
    channels: [{ id: ACK_CHANNEL, name: 'bench' }],
    users: [],
  });
  let stop: () => Promise<void>;
  let url: string;
  if (kind === 'bolt') {
    const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, logLevel: LogLevel.ERROR });
    const app = new App({
      token: BENCH_BOT_TOKEN,
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: `${slack.url}/api/` },
    });
    app.command('/agenda', async ({ ack }) => {
      await ack();
    });
    const server = await receiver.start({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = () => receiver.stop();
  } else {
    // Production logging (info, JSON on stdout; the parent sends stdout to /dev/null).
    const log = createLogger({ level: 'info', secrets: [BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET] });
    const started = await startBenchGavel({
      slackApiUrl: slack.url,
      dataDir: process.env['BENCH_DATA_DIR'] ?? '',
      databaseUrl: process.env['BENCH_DATABASE_URL'] || undefined,
      groupsYaml: ACK_GROUPS_YAML,
      clock: systemClock,
      log,
      heartbeat: true,
    });
    url = started.url;
    stop = () => started.gavel.stop();
  }
  process.on('message', (message) => {
    // CPU time spent so far, so the load generator can tell CPU per request: a steadier
    // measure than throughput on a machine that others are using too.
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
      return;
    }
    if (message !== 'stop') return;
    void stop()
      .then(() => slack.close())
      .finally(() => process.exit(0));
  });
  process.send?.({ url });
}

await main();
