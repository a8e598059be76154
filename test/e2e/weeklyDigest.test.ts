import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { metadataKeyOf } from '../../src/standins/slackApiServer.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, SERVERLESS_CHANNEL, startHarness } from '../support/gavelHarness.js';

/**
 * The weekly digest (issue 18, part 5) through the real app: every Friday 16:00 Berlin, the
 * meetings of next week (Monday 30 November to Sunday 6 December 2026, Berlin) of both groups
 * in #random. Serverless meets Thursdays 09:00 Los Angeles; App Runtime Tuesdays 16:00 Berlin,
 * with 1 December cancelled in the file.
 */
const WEDNESDAY_NOON = '2026-11-25T12:00:00.000Z';
/** Friday 27 November 16:00 CET. */
const DIGEST_TIME = '2026-11-27T15:00:00.000Z';
const RANDOM = 'C0RANDOM01';
const unix = (iso: string) => Date.parse(iso) / 1000;
const digestYaml = (digest: string) => `
digest: ${digest}
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h, join_url: "https://zoom.us/j/123456789" }
  cf-app-runtime:
    name: "CF App Runtime <Interfaces> WG"
    channel: "#cf-app-runtime"
    timezone: Europe/Berlin
    leads: [${LEAD}]
    meetings:
      - { title: Working session, day: tuesday, time: "16:00", duration: 1h }
    cancelled: [2026-12-01]
`;
const FRIDAY_1600 = '{ channel: "#random", day: friday, time: "16:00", timezone: Europe/Berlin }';

describe.each(ENGINES)('the weekly digest on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const digests = () => h.slack.messages().filter((m) => metadataKeyOf(m)?.startsWith('digest:'));
  const at = async (iso: string) => {
    h.clock.set(iso);
    await h.gavel.tick();
  };

  it('is posted once at its time with next week’s meetings of both groups, soonest first, a cancellation struck through', async () => {
    h = await startHarness({ engine, now: WEDNESDAY_NOON, groupsYaml: digestYaml(FRIDAY_1600) });
    // A lead's cancellation in Slack is shown with their name, never a mention.
    const res = await h.command('/meeting', 'cancel 2026-12-03', {
      userId: LEAD,
      channelId: SERVERLESS_CHANNEL,
    });
    expect(res.status).toBe(200);
    await at('2026-11-27T14:59:00.000Z');
    expect(digests()).toEqual([]);

    await at(DIGEST_TIME);
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await at('2026-11-27T16:00:00.000Z');
    expect(digests()).toHaveLength(1);
    const digest = digests()[0]!;
    expect(digest['channel']).toBe(RANDOM);
    expect(metadataKeyOf(digest)).toBe('digest:2026-W49');
    const lines = String(digest['text']).split('\n');
    expect(lines[0]).toContain('next week, Mon 30 Nov – Sun 6 Dec 2026');
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^• ~\*CF App Runtime &lt;Interfaces&gt; WG\* \(#cf-app-runtime\): Working session, <!date\^\d+\^.*>~ — cancelled in the groups file$/,
    );
    expect(lines[1]).toContain(`<!date^${unix('2026-12-01T15:00:00Z')}^`);
    expect(lines[2]).toContain(
      `*CNCF Serverless WG* (#serverless): Weekly call, <!date^${unix('2026-12-03T17:00:00Z')}^`,
    );
    expect(lines[2]).toMatch(/~ — cancelled by Lea Lead$/);
    expect(String(digest['text'])).not.toMatch(/<@|<!(channel|here|everyone)/);
  });

  it('notes a one-off meeting at another time than the group’s usual one', async () => {
    h = await startHarness({ engine, now: WEDNESDAY_NOON, groupsYaml: digestYaml(FRIDAY_1600) });
    const res = await h.command('/meeting', 'add 2026-12-01 10:00 Design review', {
      userId: LEAD,
      channelId: 'C0CFRUNTIME',
    });
    expect(res.status).toBe(200);
    await at(DIGEST_TIME);
    const text = String(digests()[0]?.['text']);
    expect(text).toMatch(
      /Design review, <!date\^\d+\^.*> · _not at the usual 16:00 Europe\/Berlin this week_/,
    );
  });

  it('follows a changed setting: the old time’s job is cancelled, the new time posts it once', async () => {
    h = await startHarness({ engine, now: WEDNESDAY_NOON, groupsYaml: digestYaml(FRIDAY_1600) });
    const later = parseGroups(
      digestYaml('{ channel: "#random", day: friday, time: "18:00", timezone: Europe/Berlin }'),
    );
    if (!later.ok) throw new Error(later.problems.join('; '));
    await h.gavel.reloadGroups(later.groups, later.digest);
    const old = await h.db.opened.db
      .selectFrom('jobs')
      .select(['key', 'status'])
      .where('key', 'like', 'digest:%')
      .orderBy('key')
      .execute();
    expect(old).toEqual([
      { key: 'digest:2026-W49@2026-11-27T15:00:00.000Z', status: 'cancelled' },
      { key: 'digest:2026-W49@2026-11-27T17:00:00.000Z', status: 'pending' },
    ]);
    await at(DIGEST_TIME);
    expect(digests()).toEqual([]);
    await at('2026-11-27T17:00:00.000Z');
    expect(digests()).toHaveLength(1);

    // Moved back to 16:00 after it was posted: the week's digest is not posted again.
    const back = parseGroups(digestYaml(FRIDAY_1600));
    if (!back.ok) throw new Error(back.problems.join('; '));
    await h.gavel.reloadGroups(back.groups, back.digest);
    await at('2026-11-27T17:30:00.000Z');
    expect(digests()).toHaveLength(1);

    // Removed: next week's digest is no longer planned.
    await h.gavel.reloadGroups(back.groups);
    await at('2026-12-04T17:00:00.000Z');
    expect(digests()).toHaveLength(1);
  });

  it('is off, with one log line, when its channel is not found; the groups run as ever', async () => {
    const lines: string[] = [];
    h = await startHarness({
      engine,
      now: WEDNESDAY_NOON,
      groupsYaml: digestYaml(
        '{ channel: "#no-such-channel", day: friday, time: "16:00", timezone: Europe/Berlin }',
      ),
      log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    });
    const about = lines.filter((l) => l.includes('#no-such-channel'));
    expect(about).toHaveLength(1);
    expect(JSON.parse(about[0]!)).toMatchObject({ level: 50, path: 'digest.channel' });
    expect(about[0]).toContain('no weekly digest is posted');
    await at(DIGEST_TIME);
    expect(digests()).toEqual([]);
    const res = await h.command('/agenda', 'add Still here', { channelId: SERVERLESS_CHANNEL });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Still here');
  });
});
