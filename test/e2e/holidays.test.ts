import { afterEach, describe, expect, it } from 'vitest';
import { groupId } from '../../src/core/ids.js';
import { ENGINES } from '../support/databases.js';
import { previewOf } from '../support/previewOf.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

// Thursdays 09:00 America/Los_Angeles (PST: 17:00 UTC). Thursday 26 Nov 2026 is Thanksgiving
// Day in the US; Thursday 4 Jun 2026 is Corpus Christi in Bavaria, no holiday in the US.
const THANKSGIVING = '2026-11-26T17:00:00.000Z';
const GROUPS = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]
    skip_holidays: [US, DE-BY]
`;

const minutesBefore = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000);

describe.each(ENGINES)('public holidays (skip_holidays) on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const inChannel = (prefix: string) =>
    h.slack
      .messages()
      .filter((m) => m['channel'] === SERVERLESS_CHANNEL && String(m['text']).startsWith(prefix))
      .map((m) => String(m['text']));
  const notices = () => inChannel(':no_entry_sign: No ');
  const reminders = () => inChannel('Reminder: CNCF Serverless WG: Weekly call, Thu 26 Nov');

  let answers = 0;
  const nextAnswer = async () => {
    expect((await h.command('/meeting', 'next', { userId: MEMBER })).status).toBe(200);
    const all = await h.slack.waitForResponses(++answers, 5000);
    return JSON.stringify(all[answers - 1]);
  };
  const feed = async () => (await fetch(`${h.url}/calendar/serverless.ics`)).text();
  const page = async () => (await fetch(`${h.url}/groups/serverless`)).text();

  it('cancels Thanksgiving with its name, tells the channel once 3 days ahead, and shows it in /meeting next, the feed and the page', async () => {
    answers = 0;
    h = await startHarness({ engine, now: '2026-11-20T12:00:00.000Z', groupsYaml: GROUPS });
    await h.gavel.tick();
    expect(notices()).toEqual([]);

    const next = await nextAnswer();
    expect(next).toContain('No meeting on Thu 26 Nov (Thanksgiving Day); the next is Thu 3 Dec:');

    const ics = await feed();
    expect(ics).toContain('EXDATE;TZID=America/Los_Angeles:20261126T090000');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Not held on Thu 26 Nov 2026: Thanksgiving Day');
    expect(await page()).toContain('cancelled: Thanksgiving Day');
    expect(await (await fetch(`${h.url}/groups.md`)).text()).toContain(
      '- No meeting: Thu 26 Nov 2026 (Thanksgiving Day)',
    );

    h.clock.set(minutesBefore(THANKSGIVING, 3 * 24 * 60 + 1));
    await h.gavel.tick();
    expect(notices()).toEqual([]);
    h.clock.set(minutesBefore(THANKSGIVING, 3 * 24 * 60));
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':no_entry_sign: No CNCF Serverless WG meeting on Thu 26 Nov: Thanksgiving Day.',
    ]);

    h.clock.set(minutesBefore(THANKSGIVING, 10));
    await h.gavel.tick();
    await h.gavel.tick();
    expect(reminders()).toEqual([]);
  });

  it('a lead’s /meeting restore brings the holiday’s meeting back: no notice, in the feed, reminded', async () => {
    answers = 0;
    h = await startHarness({ engine, now: '2026-11-20T12:00:00.000Z', groupsYaml: GROUPS });
    await h.gavel.tick();

    const refused = await h.command('/meeting', 'restore 2026-11-26', { userId: MEMBER });
    expect(JSON.stringify(refused.body)).toContain('Only the group');

    const restore = await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
    const said = JSON.stringify(restore.body);
    expect(said).toContain('is back on (restored by');
    expect(said).toContain('The groups file skips that day (Thanksgiving Day)');
    expect(said).toContain('goes ahead all the same');

    // Every later plan leaves it restored.
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    expect((await h.gavel.services.occurrences.find(groupId('serverless'), THANKSGIVING))?.status).toBe(
      'scheduled',
    );

    const next = await nextAnswer();
    expect(next).not.toContain('No meeting on Thu 26 Nov');
    expect(next).toContain('Thu 26 Nov 2026, 09:00 PST');
    const ics = await feed();
    expect(ics).not.toContain('EXDATE;TZID=America/Los_Angeles:20261126T090000');
    expect(ics.replace(/\r\n[ \t]/g, '')).not.toContain('Thu 26 Nov 2026');

    h.clock.set(minutesBefore(THANKSGIVING, 3 * 24 * 60));
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([]);

    h.clock.set(minutesBefore(THANKSGIVING, 10));
    await h.gavel.tick();
    await h.gavel.tick();
    expect(reminders()).toHaveLength(1);

    // Restoring it again changes nothing; cancelling it is the lead's as for any meeting.
    const again = await h.command('/meeting', 'restore 2026-11-26', { userId: LEAD });
    expect(JSON.stringify(again.body)).toContain('The meeting of 2026-11-26 is not cancelled.');
  });
});

describe('gavel preview of a holiday', () => {
  it('lists the holiday’s meeting as cancelled, with the holiday’s name', () => {
    const out = previewOf(GROUPS, '2026-11-20T12:00:00.000Z');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('cancelled in the groups file (Thanksgiving Day)');
  });
});
