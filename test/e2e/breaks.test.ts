import { afterEach, describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { ENGINES } from '../support/databases.js';
import { previewOf } from '../support/previewOf.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

// Thursdays 09:00 America/Los_Angeles (PST) = 17:00 UTC: 26 Nov, 3 Dec (KubeCon), 10, 17 Dec,
// 24 and 31 Dec (the winter break), 7 Jan.
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';

const yaml = (cancellations: string) => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h }
    reminders: [10m]
${cancellations}`;

const WITH_BREAK = yaml(`    cancelled: [{ date: 2026-12-03, reason: "KubeCon <!here>" }]
    breaks: [{ from: 2026-12-20, until: 2027-01-03, reason: Winter break }]`);
const WITHOUT_BREAK = yaml(`    cancelled: [{ date: 2026-12-03, reason: "KubeCon <!here>" }]`);

describe.each(ENGINES)('breaks and cancellations with reasons on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const notices = () =>
    h.slack
      .messages()
      .filter(
        (m) => m['channel'] === SERVERLESS_CHANNEL && String(m['text']).startsWith(':no_entry_sign: No '),
      )
      .map((m) => String(m['text']));

  const nextAnswer = async (count: number) => {
    expect((await h.command('/meeting', 'next', { userId: MEMBER })).status).toBe(200);
    const answers = await h.slack.waitForResponses(count, 5000);
    return JSON.stringify(answers[count - 1]);
  };

  it('/meeting next skips cancelled meetings and says why; a named date’s restore is refused, a break’s meeting restored', async () => {
    h = await startHarness({ engine, now: '2026-11-27T12:00:00.000Z', groupsYaml: WITH_BREAK });
    const first = await nextAnswer(1);
    expect(first).toContain('No meeting on Thu 3 Dec (KubeCon &lt;!here&gt;); the next is Thu 10 Dec:');
    expect(first).not.toContain('<!here>');
    expect(first).toContain('Thu 10 Dec 2026, 09:00 PST');
    const named = await h.command('/meeting', 'restore 2026-12-03', { userId: LEAD });
    expect(JSON.stringify(named.body)).toContain(
      '2026-12-03 is cancelled by name in the groups file (KubeCon &lt;!here&gt;); a lead removes it from `cancelled:` there.',
    );

    h.clock.set('2026-12-18T12:00:00.000Z');
    await h.gavel.replanAll();
    const second = await nextAnswer(2);
    expect(second).toContain(
      'No meeting from Thu 24 Dec to Thu 31 Dec (Winter break); the next is Thu 7 Jan:',
    );
    expect(second).toContain('Thu 7 Jan 2027, 09:00 PST');

    // A break is a rule over many dates: one of its meetings can be held all the same.
    const restore = await h.command('/meeting', 'restore 2026-12-24', { userId: LEAD });
    expect(JSON.stringify(restore.body)).toContain(
      `is back on (restored by <@${LEAD}>). The groups file skips that day (Winter break)`,
    );
    await h.gavel.replanAll();
    const third = await nextAnswer(3);
    expect(third).toContain('Thu 24 Dec 2026, 09:00 PST');
  });

  it('tells the channel 3 days ahead, once per cancelled meeting and once per break', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: WITH_BREAK });
    await h.gavel.tick();
    expect(notices()).toEqual([]);

    h.clock.set('2026-11-30T16:59:00.000Z');
    await h.gavel.tick();
    expect(notices()).toEqual([]);
    h.clock.set('2026-11-30T17:00:00.000Z');
    await h.gavel.tick();
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':no_entry_sign: No CNCF Serverless WG meeting on Thu 3 Dec: KubeCon &lt;!here&gt;.',
    ]);

    h.clock.set('2026-12-21T17:00:00.000Z');
    await h.gavel.replanAll();
    await h.gavel.tick();
    await h.gavel.tick();
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await h.gavel.tick();
    h.clock.set('2026-12-28T17:00:00.000Z');
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([
      ':no_entry_sign: No CNCF Serverless WG meeting on Thu 3 Dec: KubeCon &lt;!here&gt;.',
      ':no_entry_sign: No CNCF Serverless WG meetings from Thu 24 Dec to Thu 31 Dec: Winter break.',
    ]);
  });

  it('withdraws a pending notice when the file no longer cancels the meeting', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: WITH_BREAK });
    const key = 'notice-cancelled:serverless:2026-12-24T17:00:00.000Z';
    expect((await h.gavel.services.queue.byKey(key))?.status).toBe('pending');

    const parsed = parseGroups(WITHOUT_BREAK);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    await h.gavel.reloadGroups(parsed.groups);
    expect((await h.gavel.services.queue.byKey(key))?.status).toBe('cancelled');

    h.clock.set('2026-12-21T17:00:00.000Z');
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(notices()).toEqual([]);
  });
});

describe('gavel preview of a break', () => {
  it('the preview lists the break’s meetings with the reason', () => {
    const out = previewOf(WITH_BREAK, '2026-12-18T12:00:00.000Z');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.match(/cancelled in the groups file \(Winter break\)/g)).toHaveLength(2);
  });
});
