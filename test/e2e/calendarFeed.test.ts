import { afterEach, describe, expect, it } from 'vitest';
import { expandedStarts } from '../support/icalFeed.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, startHarness } from '../support/gavelHarness.js';
import { gid } from '../support/ids.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const FROM = new Date(MONDAY_NOON);
const TO = new Date('2027-01-01T00:00:00.000Z');

describe.each(ENGINES)('the calendar feed on %s', (engine) => {
  let h: GavelHarness;
  afterEach(async () => {
    await h.stop();
  });

  const fetchFeed = (file: string) => fetch(`${h.url}/calendar/${file}`);

  it('serves the meetings a calendar app expands to exactly the ones gavel reminds of, with Slack changes', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    expect(
      JSON.stringify((await h.command('/meeting', 'cancel 2026-12-03', { userId: LEAD })).body),
    ).toContain('is cancelled');
    expect(
      JSON.stringify(
        (await h.command('/meeting', 'add 2026-12-17 13:00 KubeCon retro', { userId: LEAD })).body,
      ),
    ).toContain('KubeCon retro');

    const res = await fetchFeed('serverless.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const feed = await res.text();

    const stored = await h.gavel.services.occurrences.between(gid('serverless'), FROM, TO);
    const scheduled = stored
      .filter((o) => o.status === 'scheduled')
      .map((o) => o.startsAt)
      .sort();
    expect(expandedStarts(feed, FROM, TO)).toEqual(scheduled);
    expect(scheduled).not.toContain('2026-12-03T17:00:00.000Z');
    expect(scheduled).toContain('2026-12-17T21:00:00.000Z');
    expect(feed).toContain('SUMMARY:KubeCon retro');
  });

  it('answers 404 for a group it does not know and for names that are not feeds', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON });
    expect((await fetchFeed('nosuchgroup.ics')).status).toBe(404);
    expect((await fetchFeed('serverless.txt')).status).toBe(404);
    expect((await fetchFeed('..%2Fserverless.ics')).status).toBe(404);
  });
});
