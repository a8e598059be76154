import { describe, expect, it } from 'vitest';
import {
  metadataKeyOf,
  type SlackApiServer,
  startSlackApiServer,
} from '../../src/standins/slackApiServer.js';
import { ENGINES, freshDatabase } from '../support/databases.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { killedAtAnswer } from './support/killAtAnswer.js';

/**
 * Issue 17 part 5, crash: the real app as a child process, SIGKILLed in the middle of an
 * automatic cancellation (cancel_if_no_agenda) or of a holiday's notice. Killed after the
 * meeting was cancelled but before Slack took the notice, the next child posts it; killed after
 * Slack took it but before the app heard (its effect only `started`), the next child finds it
 * by its metadata. Either way the channel is told once and the meeting stays cancelled.
 */

const BOT_TOKEN = 'xoxb-cancel-crash-gavel';
const SIGNING_SECRET = 'cancel-crash-signing-secret-0123456789';
const LEAD = 'U0LEAD001';
const WG_CHANNEL = 'C0CRASHWG1';
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;
const TRAP_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const groupsYaml = (settings: string, day: string) => `
groups:
  wg:
    name: Crash WG
    channel: "#wg"
    timezone: UTC
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: ${day}, time: "17:00", duration: 1h }
    reminders: []
${settings}`;

interface Scenario {
  readonly name: string;
  readonly yaml: string;
  /** A few minutes before the job's moment. */
  readonly start: string;
  /** The notice's effect key, also its metadata key. */
  readonly key: string;
  readonly meeting: string;
  readonly cancelledBy: string;
}

const SCENARIOS: readonly Scenario[] = [
  {
    // Tuesday 12 January 2027 17:00 UTC, its agenda looked at 24 h and 3 min before.
    name: 'the automatic cancellation for want of an agenda',
    yaml: groupsYaml('    cancel_if_no_agenda: 24h', 'tuesday'),
    start: '2027-01-11T16:50:00.000Z',
    key: 'auto-cancel:wg:2027-01-12T17:00:00.000Z',
    meeting: '2027-01-12T17:00:00.000Z',
    cancelledBy: 'gavel:no-agenda',
  },
  {
    // Monday 18 January 2027 is Martin Luther King Jr. Day: told 3 days ahead.
    name: 'the notice of a public holiday',
    yaml: groupsYaml('    skip_holidays: [US]', 'monday'),
    start: '2027-01-15T16:55:00.000Z',
    key: 'notice-cancelled:wg:2027-01-18T17:00:00.000Z',
    meeting: '2027-01-18T17:00:00.000Z',
    cancelledBy: 'config',
  },
];

/**
 * Kills the child once the notice's effect is `started` while Slack holds every post
 * unanswered and unmade: the meeting is cancelled, the channel not yet told.
 */
async function killedBeforeSlackTookIt(
  slack: SlackApiServer,
  child: GavelProcess,
  started: () => Promise<boolean>,
) {
  slack.hang('chat.postMessage', 1);
  const until = Date.now() + TRAP_TIMEOUT_MS;
  while (!(await started()) && Date.now() < until) await sleep(20);
  await child.kill();
  // Killed before its post reached Slack, the trap is still set: sprung here by a plain post
  // (no notice's metadata), so the next child's post is answered.
  await fetch(`${slack.url}/api/chat.postMessage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BOT_TOKEN}` },
    body: new URLSearchParams({ channel: WG_CHANNEL, text: 'probe' }),
    signal: AbortSignal.timeout(2_000),
  }).catch(() => undefined);
  return started();
}

describe('a crash while a meeting is cancelled and the channel told', () => {
  for (const engine of ENGINES) {
    for (const scenario of SCENARIOS) {
      for (const when of ['before Slack took the notice', 'after Slack took the notice'] as const) {
        it(`on ${engine}, ${scenario.name}, killed ${when}: told once, still cancelled`, async () => {
          const db = await freshDatabase(engine);
          let latest: GavelProcess | undefined;
          const slack = await startSlackApiServer({
            token: BOT_TOKEN,
            now: () => new Date(latest?.lastNow() ?? scenario.start),
            channels: [{ id: WG_CHANNEL, name: 'wg' }],
            users: [
              { id: LEAD, name: 'lead', real_name: 'Lea Lead', tz: 'UTC', tz_label: 'UTC', tz_offset: 0 },
            ],
          });
          const env = (fakeNow: string) =>
            childEnv({
              botToken: BOT_TOKEN,
              signingSecret: SIGNING_SECRET,
              slackUrl: slack.url,
              db,
              groupsYaml: scenario.yaml,
              fakeNow,
            });
          const context = () => `last child output:\n${childOutput.slice(-30).join('\n')}`;
          const notices = () => slack.messages().filter((m) => metadataKeyOf(m) === scenario.key);
          const effect = async () =>
            db.opened.db.selectFrom('effects').selectAll().where('key', '=', scenario.key).executeTakeFirst();
          const meeting = async () =>
            db.opened.db
              .selectFrom('occurrences')
              .select(['status', 'cancelled_by'])
              .where('starts_at', '=', scenario.meeting)
              .executeTakeFirst();
          try {
            const first = await startGavelProcess(env(scenario.start), STARTUP_TIMEOUT_MS);
            latest = first;
            if (when === 'after Slack took the notice') {
              const sprung = await killedAtAnswer(
                (hook) =>
                  slack.beforeAnswer('chat.postMessage', hook, (a) => metadataKeyOf(a) === scenario.key),
                first,
              );
              expect(sprung, `a kill after the post; ${context()}`).toBe(true);
              expect(notices()).toHaveLength(1);
            } else {
              const started = async () => (await effect())?.state === 'started';
              expect(await killedBeforeSlackTookIt(slack, first, started), context()).toBe(true);
              expect(notices()).toHaveLength(0);
            }
            expect((await effect())?.state).toBe('started');
            expect(await meeting()).toEqual({ status: 'cancelled', cancelled_by: scenario.cancelledBy });

            const last = await startGavelProcess(env(first.lastNow()), STARTUP_TIMEOUT_MS);
            latest = last;
            const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
            while ((await effect())?.state !== 'done' && Date.now() < drainedBy) await sleep(100);
            expect(await last.terminate(15_000)).toEqual({ code: 0, stoppedCleanly: true });

            expect(notices(), context()).toHaveLength(1);
            expect(notices()[0]!['channel']).toBe(WG_CHANNEL);
            expect((await effect())?.state).toBe('done');
            expect(await meeting()).toEqual({ status: 'cancelled', cancelled_by: scenario.cancelledBy });
          } finally {
            await latest?.kill();
            await slack.close();
            await db.dispose();
          }
        }, 120_000);
      }
    }
  }
});
