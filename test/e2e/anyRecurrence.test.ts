import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, SERVERLESS_CHANNEL, startHarness } from '../support/gavelHarness.js';
import { expandedStarts } from '../support/icalFeed.js';
import { gid } from '../support/ids.js';

// Kubernetes SIG Docs APAC's rule, "the Wednesday after the fourth Tuesday", at 09:00 Pacific.
const RRULE_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    meetings:
      - title: APAC call
        time: "09:00"
        frequency: { rrule: "FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29" }
        join_url: https://zoom.us/j/123456789
    reminders: [10m]
`;
const FROM = new Date('2027-02-01T12:00:00.000Z');
const TO = new Date('2027-06-01T00:00:00.000Z');
// US daylight saving time starts on 2027-03-14: 09:00 is 17:00 UTC before, 16:00 UTC after.
const BEFORE_DST = '2027-02-24T17:00:00.000Z';
const AFTER_DST = '2027-03-24T16:00:00.000Z';
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);

describe.each(ENGINES)('an RRULE meeting on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const reminders = () => h.slack.messages().filter((m) => String(m['text']).startsWith('Reminder:'));

  it('is reminded of at 09:00 Pacific on both sides of a DST change, and the feed expands to the same starts in ical.js', async () => {
    h = await startHarness({ engine, now: FROM, groupsYaml: RRULE_YAML });
    await h.gavel.tick();

    const expected = [BEFORE_DST, AFTER_DST, '2027-04-28T16:00:00.000Z', '2027-05-26T16:00:00.000Z'];
    const feed = await (await fetch(`${h.url}/calendar/serverless.ics`)).text();
    expect(feed).toContain('RRULE:FREQ=MONTHLY;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=WE');
    expect(expandedStarts(feed, FROM, TO)).toEqual(expected);
    // The planner stores the meetings of the weeks ahead: the same starts, as far as it looked.
    const stored = await h.gavel.services.occurrences.between(gid('serverless'), FROM, TO);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((o) => o.startsAt).sort()).toEqual(expected.slice(0, stored.length));

    for (const [meeting, local] of [
      [BEFORE_DST, 'Wed 24 Feb 2027, 09:00 PST (17:00 UTC)'],
      [AFTER_DST, 'Wed 24 Mar 2027, 09:00 PDT (16:00 UTC)'],
    ] as const) {
      const before = reminders().length;
      // The reminder job is due two minutes before the reminder: nothing yet 13 minutes before.
      h.clock.set(minutesBefore(meeting, 13));
      // What the hourly planning beat does after a month.
      await h.gavel.replanAll();
      await h.gavel.tick();
      expect(reminders()).toHaveLength(before);
      h.clock.set(minutesBefore(meeting, 10));
      await h.gavel.tick();
      expect(reminders()).toHaveLength(before + 1);
      const reminder = reminders().at(-1)!;
      expect(reminder['channel']).toBe(SERVERLESS_CHANNEL);
      expect(String(reminder['text'])).toContain(local);
    }
    const later = await h.gavel.services.occurrences.between(gid('serverless'), FROM, TO);
    expect(later.map((o) => o.startsAt).sort()).toEqual(expected.slice(0, later.length));
    expect(later.map((o) => o.startsAt)).toContain(AFTER_DST);
  });
});
