import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { STAGE_AHEAD_MS } from '../src/core/reminder/reminderDelivery.js';
import { createLogger } from '../src/log/logger.js';
import { startSlackApiServer } from '../src/standins/slackApiServer.js';
import { freshDatabase } from '../test/support/databases.js';
import { BenchClock } from './benchClock.js';
import { type BenchRow, info, judged } from './benchRow.js';
import { BENCH_BOT_TOKEN, startBenchGavel } from './startBenchGavel.js';

const GROUPS = 500;
// Thursday 26 Nov 2026 09:00 America/Los_Angeles; the one reminder is 10 minutes before.
const MEETING = new Date('2026-11-26T17:00:00.000Z');
const DUE = new Date(MEETING.getTime() - 10 * 60_000);
const PLANNED_AT = new Date('2026-11-23T12:00:00.000Z');
const GIVE_UP_MS = 60_000;

const channelId = (i: number) => `C0FAN${String(i).padStart(4, '0')}`;

function groupsYaml(): string {
  const groups = Array.from(
    { length: GROUPS },
    (_, i) => `
  wg-${i}:
    name: Working group ${i}
    channel: ${channelId(i)}
    timezone: America/Los_Angeles
    leads: [U0FANLEAD1]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]`,
  );
  return `groups:${groups.join('')}\n`;
}

/**
 * 500 groups, one channel each, all meeting at the same minute. Real gavel with its real
 * heartbeat (every 2 s) on SQLite; the Slack stand-in allows one message per second per
 * channel and answers 429 + Retry-After beyond that. The clock stands still while planning,
 * then runs in real time from just before the reminder jobs are due (two minutes before the
 * reminders' minute: they hand each reminder to Slack with chat.scheduleMessage). What is
 * timed is the hand-over; Slack then posts each at its minute, which the stand-in does when
 * the clock is moved on to it.
 */
export async function reminderFanout(): Promise<BenchRow[]> {
  const clock = new BenchClock(PLANNED_AT);
  const slack = await startSlackApiServer({
    token: BENCH_BOT_TOKEN,
    now: () => clock.now(),
    channels: Array.from({ length: GROUPS }, (_, i) => ({ id: channelId(i), name: `wg-${i}` })),
    users: [],
    channelRate: { burst: 1, perSeconds: 1 },
  });
  const db = await freshDatabase('sqlite');
  const log = createLogger({
    level: 'info',
    secrets: [BENCH_BOT_TOKEN],
    destination: pino.destination('/dev/null'),
  });
  const startedAt = performance.now();
  const { gavel } = await startBenchGavel({
    slackApiUrl: slack.url,
    dataDir: db.dataDir,
    databaseUrl: undefined,
    groupsYaml: groupsYaml(),
    clock,
    log,
    heartbeat: true,
  });
  const startMs = performance.now() - startedAt;
  try {
    // The jobs are due one second from now, in real time: the heartbeat finds them at its next beat.
    const lead = 1000;
    const stageAt = new Date(DUE.getTime() - STAGE_AHEAD_MS);
    clock.runFrom(new Date(stageAt.getTime() - lead));
    const stageReal = Date.now() + lead;
    const handedOver: number[] = [];
    const deadline = stageReal + GIVE_UP_MS;
    while (handedOver.length < GROUPS && Date.now() < deadline) {
      const count = slack.scheduled().length + slack.messages().length;
      while (handedOver.length < count) handedOver.push(Date.now() - stageReal);
      await sleep(5);
    }
    // Slack's minute comes; anything handed over twice would show up within a few more beats.
    clock.runFrom(DUE);
    await sleep(4000);
    const perChannel = new Map<string, number>();
    for (const m of slack.messages()) {
      const channel = String(m['channel']);
      perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
    }
    const channels = Array.from({ length: GROUPS }, (_, i) => perChannel.get(channelId(i)) ?? 0);
    const lost = channels.filter((n) => n === 0).length;
    const duplicated = channels.filter((n) => n > 1).length;
    const rateLimited = slack.calls.filter((c) => c.status === 429).length;
    const sorted = [...handedOver].sort((a, b) => a - b);
    const last = sorted.at(-1) ?? Number.POSITIVE_INFINITY;
    const p50 = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
    const posted = channels.filter((n) => n > 0).length;
    return [
      info('fanout', 'start with 500 groups (plan + listen)', Math.round(startMs), 'ms'),
      judged('fanout', 'reminders posted', posted, `of ${GROUPS}`, `${GROUPS}`, posted === GROUPS),
      judged('fanout', 'lost', lost, '', '0', lost === 0),
      judged('fanout', 'duplicated', duplicated, '', '0', duplicated === 0),
      info(
        'fanout',
        'median hand-over after its job was due',
        p50 / 1000,
        's',
        'includes up to 2 s of heartbeat phase',
      ),
      info('fanout', 'last hand-over after its job was due', last / 1000, 's'),
      judged(
        'fanout',
        'last posted after due',
        Math.max(0, last - STAGE_AHEAD_MS) / 1000,
        's',
        '≤ 10 s',
        last - STAGE_AHEAD_MS <= 10_000,
        'Slack posts each at its minute when it was handed over before it',
      ),
      info(
        'fanout',
        '429 answers from Slack',
        rateLimited,
        '',
        'one reminder per channel: the per-channel limit is enforced but not reached',
      ),
    ];
  } finally {
    await gavel.stop();
    await slack.close();
    await db.dispose();
  }
}
