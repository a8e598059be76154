import { describe, expect, it } from 'vitest';
import { metadataKeyOf, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { ENGINES, freshDatabase } from '../support/databases.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { killedAtAnswer } from './support/killAtAnswer.js';

/**
 * Issue 17 part 1, crash: the real app as a child process, SIGKILLed right after Slack took
 * a DST notice (before the app heard back, so with its effect only `started`). The next
 * child, on the same database, finds the message by its metadata (findPosted) and posts
 * nothing more: the channel has the notice once.
 */

const BOT_TOKEN = 'xoxb-dst-crash-gavel';
const SIGNING_SECRET = 'dst-crash-signing-secret-0123456789';
const LEAD = 'U0LEAD001';
const WG_CHANNEL = 'C0CRASHWG1';
/**
 * A few minutes before the notice's time: a week before Thu 18 March 2027, 09:00 in Los
 * Angeles, the first meeting the US's change (14 March) shifts for Berlin (28 March).
 */
const FAKE_START = '2027-03-11T15:55:00.000Z';
const KEY = 'notice-dst:wg:2027-03-14T10:00:00.000Z';
const GROUPS_YAML = `
groups:
  wg:
    name: Crash WG
    channel: "#wg"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: []
    audience_zones: [Europe/Berlin]
`;
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a crash while a DST notice is being posted', () => {
  for (const engine of ENGINES) {
    it(`on ${engine}: killed after Slack took it, the next run finds it and the channel has it once`, async () => {
      const db = await freshDatabase(engine);
      let latest: GavelProcess | undefined;
      const slack = await startSlackApiServer({
        token: BOT_TOKEN,
        now: () => new Date(latest?.lastNow() ?? FAKE_START),
        channels: [{ id: WG_CHANNEL, name: 'wg' }],
        users: [{ id: LEAD, name: 'lead', real_name: 'Lea Lead', tz: 'UTC', tz_label: 'UTC', tz_offset: 0 }],
      });
      const env = (fakeNow: string): Record<string, string> =>
        childEnv({
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
          slackUrl: slack.url,
          db,
          groupsYaml: GROUPS_YAML,
          fakeNow,
        });
      const context = () => `last child output:\n${childOutput.slice(-30).join('\n')}`;
      const notices = () => slack.messages().filter((m) => metadataKeyOf(m) === KEY);
      const effect = async () =>
        db.opened.db.selectFrom('effects').selectAll().where('key', '=', KEY).executeTakeFirst();
      try {
        const first = await startGavelProcess(env(FAKE_START), STARTUP_TIMEOUT_MS);
        latest = first;
        expect(
          await killedAtAnswer(
            (hook) => slack.beforeAnswer('chat.postMessage', hook, (args) => metadataKeyOf(args) === KEY),
            first,
          ),
          `a kill after the post; ${context()}`,
        ).toBe(true);
        expect(notices()).toHaveLength(1);
        expect((await effect())?.state).toBe('started');

        const historyBefore = slack.callsTo('conversations.history').length;
        const last = await startGavelProcess(env(first.lastNow()), STARTUP_TIMEOUT_MS);
        latest = last;
        const unsettled = async () =>
          (
            await db.opened.db
              .selectFrom('jobs')
              .select('key')
              .where('status', 'in', ['pending', 'running'])
              .where('key', '=', KEY)
              .execute()
          ).length;
        const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
        while ((await unsettled()) > 0 && Date.now() < drainedBy) await sleep(100);
        expect(await unsettled(), context()).toBe(0);
        expect(await last.terminate(15_000)).toEqual({ code: 0, stoppedCleanly: true });

        expect(notices(), context()).toHaveLength(1);
        expect(notices()[0]!['channel']).toBe(WG_CHANNEL);
        expect(String(notices()[0]!['text'])).toContain(
          'On 18 and 25 March the Weekly call is at 17:00 in Berlin',
        );
        expect(slack.callsTo('conversations.history').length).toBeGreaterThan(historyBefore);
        expect((await effect())?.state).toBe('done');
        const job = await db.opened.db
          .selectFrom('jobs')
          .select('status')
          .where('key', '=', KEY)
          .executeTakeFirst();
        expect(job?.status).toBe('done');
      } finally {
        await latest?.kill();
        await slack.close();
        await db.dispose();
      }
    }, 120_000);
  }
});
