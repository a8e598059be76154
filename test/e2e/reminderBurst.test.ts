import { afterEach, describe, expect, it } from 'vitest';
import { type SlackApiServer, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { ENGINES } from '../support/databases.js';
import { BOT_TOKEN, type GavelHarness, startHarness } from '../support/gavelHarness.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles = 17:00 UTC; every group's one reminder is
// 10 minutes before.
const MEETING = new Date('2026-11-26T17:00:00.000Z');
const DUE = new Date(MEETING.getTime() - 10 * 60_000);
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const GROUPS = 24;
/** The workspace's budget, on both sides: gavel plans under it, the stand-in enforces it. */
const CALLS_PER_MINUTE = 10;
const MINUTE = 60_000;

const channelId = (i: number) => `C0BURST${String(i).padStart(3, '0')}`;

const groupsYaml = () =>
  `groups:${Array.from(
    { length: GROUPS },
    (_, i) => `
  wg-${i}:
    name: Working group ${i}
    channel: ${channelId(i)}
    timezone: America/Los_Angeles
    leads: [U0LEAD001]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]`,
  ).join('')}\n`;

describe.each(ENGINES)('a burst of reminders in one minute, two replicas on %s', (engine) => {
  let slack: SlackApiServer;
  let replicas: GavelHarness[] = [];
  afterEach(async () => {
    for (const r of replicas.reverse()) await r.stop();
    replicas = [];
    await slack.close();
  });

  it(`hands all ${GROUPS} over within Slack's workspace budget, each once, posted on its minute`, async () => {
    let clock: () => Date = () => new Date(MONDAY_NOON);
    slack = await startSlackApiServer({
      token: BOT_TOKEN,
      now: () => clock(),
      channels: Array.from({ length: GROUPS }, (_, i) => ({ id: channelId(i), name: `wg-${i}` })),
      users: [],
      channelRate: { burst: 1, perSeconds: 1 },
      workspaceRate: { callsPerMinute: CALLS_PER_MINUTE },
    });
    const options = {
      engine,
      now: MONDAY_NOON,
      groupsYaml: groupsYaml(),
      sharedSlack: slack,
      env: { SLACK_CALLS_PER_MINUTE: String(CALLS_PER_MINUTE) },
    };
    const first = await startHarness(options);
    replicas.push(first);
    clock = () => first.clock.now();
    replicas.push(await startHarness({ ...options, sharedDatabase: first.db }));
    const at = (t: Date) => replicas.forEach((r) => r.clock.set(t));

    // 24 reminders at 8 hand-overs a minute (80% of the budget): three minutes of hand-overs
    // ending two minutes before the reminders' minute. The replicas take turns, minute by
    // minute, so each picks up what came due on its watch from the shared queue.
    const ran = [0, 0];
    for (let t = DUE.getTime() - 6 * MINUTE; t < DUE.getTime(); t += MINUTE) {
      at(new Date(t));
      const turn = Math.floor(t / MINUTE) % 2;
      ran[turn]! += await replicas[turn]!.gavel.tick();
    }
    // Both awake at once in the last minute before Slack posts: nothing is handed over again.
    await Promise.all(replicas.map((r) => r.gavel.tick()));

    expect(slack.calls.filter((c) => c.status === 429)).toEqual([]);
    expect(ran[0]).toBeGreaterThan(0);
    expect(ran[1]).toBeGreaterThan(0);
    const scheduled = slack.callsTo('chat.scheduleMessage');
    expect(scheduled).toHaveLength(GROUPS);
    expect(new Set(scheduled.map((c) => c['channel'])).size).toBe(GROUPS);
    expect(scheduled.every((c) => Number(c['post_at']) === DUE.getTime() / 1000)).toBe(true);

    at(DUE);
    await Promise.all(replicas.map((r) => r.gavel.tick()));
    const posted = slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));
    expect(posted.map((m) => m['channel']).sort()).toEqual(
      Array.from({ length: GROUPS }, (_, i) => channelId(i)).sort(),
    );
  });
});
