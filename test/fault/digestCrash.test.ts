import { describe, expect, it } from 'vitest';
import { metadataKeyOf, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { ENGINES, freshDatabase } from '../support/databases.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { killedAtAnswer } from './support/killAtAnswer.js';

/**
 * Issue 18 part 5, crash: the real app as a child process, SIGKILLed right after Slack took
 * the weekly digest (before the app heard back, so with its effect only `started`). The next
 * child, on the same database, finds the message by its metadata (findPosted) and posts
 * nothing more: the channel has the digest once.
 */

const BOT_TOKEN = 'xoxb-digest-crash-gavel';
const SIGNING_SECRET = 'digest-crash-signing-secret-0123456789';
const LEAD = 'U0LEAD001';
const DIGEST_CHANNEL = 'C0DIGEST01';
/** A few minutes before the digest's time, Friday 8 January 2027 16:00 UTC. */
const FAKE_START = '2027-01-08T15:55:00.000Z';
const GROUPS_YAML = `
digest: { channel: "#all-wgs", day: friday, time: "16:00", timezone: UTC }
groups:
  wg:
    name: Crash WG
    channel: "#wg"
    timezone: UTC
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: tuesday, time: "17:00", duration: 1h }
    reminders: []
`;
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a crash while the weekly digest is being posted', () => {
  for (const engine of ENGINES) {
    it(`on ${engine}: killed after Slack took it, the next run finds it and the channel has it once`, async () => {
      const db = await freshDatabase(engine);
      let latest: GavelProcess | undefined;
      const slack = await startSlackApiServer({
        token: BOT_TOKEN,
        now: () => new Date(latest?.lastNow() ?? FAKE_START),
        channels: [
          { id: 'C0CRASHWG1', name: 'wg' },
          { id: DIGEST_CHANNEL, name: 'all-wgs' },
        ],
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
      const digests = () => slack.messages().filter((m) => metadataKeyOf(m)?.startsWith('digest:'));
      const effect = async () =>
        db.opened.db
          .selectFrom('effects')
          .selectAll()
          .where('key', '=', 'digest:2027-W02')
          .executeTakeFirst();
      try {
        const first = await startGavelProcess(env(FAKE_START), STARTUP_TIMEOUT_MS);
        latest = first;
        expect(
          await killedAtAnswer(
            (hook) =>
              slack.beforeAnswer(
                'chat.postMessage',
                hook,
                (args) => metadataKeyOf(args)?.startsWith('digest:') ?? false,
              ),
            first,
          ),
          `a kill after the post; ${context()}`,
        ).toBe(true);
        expect(digests()).toHaveLength(1);
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
              .where('key', 'like', 'digest:2027-W02@%')
              .execute()
          ).length;
        const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
        while ((await unsettled()) > 0 && Date.now() < drainedBy) await sleep(100);
        expect(await unsettled(), context()).toBe(0);
        expect(await last.terminate(15_000)).toEqual({ code: 0, stoppedCleanly: true });

        expect(digests(), context()).toHaveLength(1);
        expect(digests()[0]!['channel']).toBe(DIGEST_CHANNEL);
        expect(slack.callsTo('conversations.history').length).toBeGreaterThan(historyBefore);
        expect((await effect())?.state).toBe('done');
        const job = await db.opened.db
          .selectFrom('jobs')
          .select('status')
          .where('key', '=', 'digest:2027-W02@2027-01-08T16:00:00.000Z')
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
