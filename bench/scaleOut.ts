import pino from 'pino';
import { ManualClock } from '../src/core/clock.js';
import { createLogger } from '../src/log/logger.js';
import { startSlackApiServer } from '../src/standins/slackApiServer.js';
import { freshDatabase } from '../test/support/databases.js';
import { type BenchRow, info, judged } from './benchRow.js';
import { BENCH_BOT_TOKEN, startBenchGavel } from './startBenchGavel.js';

const GROUPS = Number(process.env['GAVEL_BENCH_SCALEOUT_GROUPS'] ?? 2000);
const REPLICAS = [1, 2, 3] as const;
/**
 * The workspace budget, on both sides (gavel's SLACK_CALLS_PER_MINUTE and the stand-in's
 * limit): 800 hand-overs a minute, so 2,000 reminders need three minutes of hand-overs.
 */
const CALLS_PER_MINUTE = 1000;
// Thursday 26 Nov 2026 09:00 America/Los_Angeles; the one reminder is 10 minutes before.
const MEETING = new Date('2026-11-26T17:00:00.000Z');
const DUE = new Date(MEETING.getTime() - 10 * 60_000);
const PLANNED_AT = new Date('2026-11-23T12:00:00.000Z');
const MINUTE = 60_000;
/** From this long before the reminders' minute, the replicas wake once a simulated minute. */
const WATCH_MINUTES = 8;

const channelId = (i: number) => `C0OUT${String(i).padStart(5, '0')}`;

function groupsYaml(): string {
  const groups = Array.from(
    { length: GROUPS },
    (_, i) => `
  wg-${i}:
    name: Working group ${i}
    channel: ${channelId(i)}
    timezone: America/Los_Angeles
    leads: [U0OUTLEAD1]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]`,
  );
  return `groups:${groups.join('')}\n`;
}

interface ScaleOutRun {
  readonly replicas: number;
  readonly handedOver: number;
  readonly busiestMinute: number;
  readonly busiestMinuteMs: number;
  readonly minutesOfHandOver: number;
  readonly posted: number;
  readonly offMinute: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly rateLimited: number;
  readonly byReplica: readonly number[];
}

/**
 * `replicas` gavels on one fresh PostgreSQL, one Slack stand-in enforcing the workspace
 * budget. The clock is moved a minute at a time and every replica drains what came due, all
 * at once; what is timed is each minute's drain (the replicas share one Node process here, so
 * they share its one core for JavaScript: the rows show sharing without loss more than CPU
 * scaling). Slack then posts each reminder when the clock reaches its minute.
 */
async function scaleOutRun(replicas: number): Promise<ScaleOutRun> {
  const clock = new ManualClock(PLANNED_AT);
  const slack = await startSlackApiServer({
    token: BENCH_BOT_TOKEN,
    now: () => clock.now(),
    channels: Array.from({ length: GROUPS }, (_, i) => ({ id: channelId(i), name: `wg-${i}` })),
    users: [],
    channelRate: { burst: 1, perSeconds: 1 },
    workspaceRate: { callsPerMinute: CALLS_PER_MINUTE },
  });
  const db = await freshDatabase('postgres');
  const log = createLogger({
    level: 'info',
    secrets: [BENCH_BOT_TOKEN],
    destination: pino.destination('/dev/null'),
  });
  const gavels = [];
  try {
    for (let r = 0; r < replicas; r++) {
      const { gavel } = await startBenchGavel({
        slackApiUrl: slack.url,
        dataDir: db.dataDir,
        databaseUrl: db.databaseUrl,
        groupsYaml: groupsYaml(),
        clock,
        log,
        heartbeat: false,
        env: { SLACK_CALLS_PER_MINUTE: String(CALLS_PER_MINUTE) },
      });
      gavels.push(gavel);
    }
    const byReplica = gavels.map(() => 0);
    let busiestMinute = 0;
    let busiestMinuteMs = 0;
    let minutesOfHandOver = 0;
    for (let t = DUE.getTime() - WATCH_MINUTES * MINUTE; t < DUE.getTime(); t += MINUTE) {
      clock.set(t);
      const before = slack.callsTo('chat.scheduleMessage').length;
      const started = performance.now();
      const ran = await Promise.all(gavels.map((g) => g.tick()));
      const ms = performance.now() - started;
      ran.forEach((n, i) => (byReplica[i]! += n));
      const handed = slack.callsTo('chat.scheduleMessage').length - before;
      if (handed > 0) minutesOfHandOver += 1;
      if (handed > busiestMinute) {
        busiestMinute = handed;
        busiestMinuteMs = ms;
      }
    }
    const handedOver = slack.callsTo('chat.scheduleMessage').length;
    clock.set(DUE);
    await Promise.all(gavels.map((g) => g.tick()));
    const perChannel = new Map<string, number>();
    for (const m of slack.messages()) {
      if (!String(m['text']).startsWith('Reminder:')) continue;
      const channel = String(m['channel']);
      perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
    }
    const channels = Array.from({ length: GROUPS }, (_, i) => perChannel.get(channelId(i)) ?? 0);
    // Handed over for another minute, or posted directly (too late to schedule): not on time.
    const offMinute =
      slack.callsTo('chat.scheduleMessage').filter((c) => Number(c['post_at']) !== DUE.getTime() / 1000)
        .length +
      slack.callsTo('chat.postMessage').filter((c) => String(c['text']).startsWith('Reminder:')).length;
    return {
      offMinute,
      replicas,
      handedOver,
      busiestMinute,
      busiestMinuteMs,
      minutesOfHandOver,
      posted: channels.filter((n) => n > 0).length,
      lost: channels.filter((n) => n === 0).length,
      duplicated: channels.filter((n) => n > 1).length,
      rateLimited: slack.calls.filter((c) => c.status === 429).length,
      byReplica,
    };
  } finally {
    for (const g of gavels) await g.stop();
    await slack.close();
    await db.dispose();
  }
}

export async function scaleOut(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = GROUPS.toLocaleString('en-US');
  for (const replicas of REPLICAS) {
    const r = await scaleOutRun(replicas);
    const label = `${replicas} replica${replicas === 1 ? '' : 's'}`;
    rows.push(
      info(
        'scaleout',
        `${label}: hand-overs a second, busiest minute`,
        r.busiestMinute / (r.busiestMinuteMs / 1000),
        '/s',
        `${r.busiestMinute} hand-overs drained in ${Math.round(r.busiestMinuteMs)} ms; jobs run by replica: ${r.byReplica.join(' / ')}`,
      ),
      info(
        'scaleout',
        `${label}: minutes of hand-over for ${n} reminders`,
        r.minutesOfHandOver,
        'min',
        `budget ${CALLS_PER_MINUTE} calls a minute, 80% planned`,
      ),
      judged(
        'scaleout',
        `${label}: posted on their minute`,
        r.posted - r.offMinute,
        `of ${n}`,
        n,
        r.posted - r.offMinute === GROUPS,
        "scheduled for the reminders' minute and posted by Slack then (none posted late, none for another minute)",
      ),
      judged(
        'scaleout',
        `${label}: lost / duplicated`,
        r.lost,
        `/ ${r.duplicated}`,
        '0 / 0',
        r.lost === 0 && r.duplicated === 0,
      ),
      judged('scaleout', `${label}: 429 answers from Slack`, r.rateLimited, '', '0', r.rateLimited === 0),
    );
  }
  return rows;
}
