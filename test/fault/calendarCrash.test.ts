import { describe, expect, it } from 'vitest';
import { makeServiceAccountKey, startGoogleApiServer } from '../../src/standins/googleApiServer.js';
import { startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { ENGINES, freshDatabase } from '../support/databases.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { killedAtAnswer } from './support/killAtAnswer.js';

/**
 * Issue 18, crash: the real app as a child process, SIGKILLed right after the shared Google
 * Calendar stored the group's recurring event, before the app heard back. The event's id is
 * derived from the group and the rule, so the restarted app finds it (409 on insert, then a
 * read) instead of making a second one; there is nothing else to record.
 */

const BOT_TOKEN = 'xoxb-calendar-crash-gavel';
const SIGNING_SECRET = 'calendar-crash-signing-secret-01234567';
const LEAD = 'U0LEAD001';
const CHANNEL = 'C0CALENDAR1';
const CAL = 'wg-meetings@group.calendar.google.com';
const FAKE_START = '2026-01-05T12:00:00.000Z';
const GROUPS_YAML = `
groups:
  wg:
    name: Crash WG
    channel: "#wg"
    timezone: Europe/Berlin
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: tuesday, time: "17:00", duration: 1h }
    reminders: [10m]
    links: { mailing_list: wg@lists.example.org }
`;
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a crash while the shared calendar is being written', () => {
  for (const engine of ENGINES) {
    it(`on ${engine}: after a kill between Google storing the event and the app hearing of it, there is one event`, async () => {
      const db = await freshDatabase(engine);
      let latest: GavelProcess | undefined;
      const slack = await startSlackApiServer({
        token: BOT_TOKEN,
        now: () => new Date(latest?.lastNow() ?? FAKE_START),
        channels: [{ id: CHANNEL, name: 'wg' }],
        users: [{ id: LEAD, name: 'lead', real_name: 'Lea Lead', tz: 'UTC', tz_label: 'UTC', tz_offset: 0 }],
      });
      const key = makeServiceAccountKey();
      const google = await startGoogleApiServer({ serviceAccounts: [key] });
      google.addCalendar(CAL);
      const env = (fakeNow: string): Record<string, string> =>
        childEnv(
          {
            botToken: BOT_TOKEN,
            signingSecret: SIGNING_SECRET,
            slackUrl: slack.url,
            db,
            groupsYaml: GROUPS_YAML,
            fakeNow,
          },
          { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url, GOOGLE_CALENDAR_ID: CAL },
        );
      const context = () => `last child output:\n${childOutput.slice(-30).join('\n')}`;
      const events = () => google.calendarEvents(CAL).filter((e) => e.body['status'] !== 'cancelled');
      try {
        const first = await startGavelProcess(env(FAKE_START), STARTUP_TIMEOUT_MS);
        latest = first;
        expect(
          await killedAtAnswer((hook) => google.beforeAnswer('events.insert', hook), first),
          `a kill after events.insert; ${context()}`,
        ).toBe(true);
        expect(events()).toHaveLength(1);

        const last = await startGavelProcess(env(first.lastNow()), STARTUP_TIMEOUT_MS);
        latest = last;
        const unsettled = async () =>
          (
            await db.opened.db
              .selectFrom('jobs')
              .select('key')
              .where('status', 'in', ['pending', 'running'])
              .where('key', 'like', 'calendar-sync:%')
              .where('run_at', '<=', last.lastNow())
              .execute()
          ).length;
        const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
        while (
          (google.callsTo('events.list').length < 2 || (await unsettled()) > 0) &&
          Date.now() < drainedBy
        ) {
          await sleep(100);
        }
        expect(await unsettled(), context()).toBe(0);
        expect(await last.terminate(15_000)).toEqual({ code: 0, stoppedCleanly: true });

        const [event, ...more] = events();
        expect(more, context()).toEqual([]);
        expect(event?.body).toMatchObject({
          summary: 'Weekly call',
          attendees: [{ email: 'wg@lists.example.org' }],
          extendedProperties: { private: { gavel: '1', gavelGroup: 'wg' } },
        });
        // The restarted app found the event by gavel's mark and did not insert it again.
        expect(google.callsTo('events.insert')).toHaveLength(1);
        const failed = await db.opened.db
          .selectFrom('jobs')
          .select('key')
          .where('status', '=', 'failed')
          .execute();
        expect(failed).toEqual([]);
      } finally {
        await latest?.kill();
        await Promise.all([slack.close(), google.close()]);
        await db.dispose();
      }
    }, 120_000);
  }
});
