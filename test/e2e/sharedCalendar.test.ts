import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, SERVERLESS_YAML, startHarness } from '../support/gavelHarness.js';
import {
  type GoogleApiServer,
  type GoogleOp,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

const CAL = 'wg-meetings@group.calendar.google.com';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const LIST = 'wg-serverless@lists.cncf.io';
const WITH_LIST = `${SERVERLESS_YAML}    links:\n      mailing_list: ${LIST}\n`;
const WRITES: GoogleOp[] = ['events.insert', 'events.patch', 'events.update', 'events.delete'];
const SOMEONES = {
  id: 'someone0001',
  summary: 'Office hours (not gavel’s)',
  start: { dateTime: '2026-11-24T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-11-24T11:00:00', timeZone: 'UTC' },
  extendedProperties: { private: { gavelGroup: 'serverless', gavelKey: 'rule:meeting-1' } },
};

describe.each(ENGINES)('a shared Google Calendar kept in sync on %s', (engine) => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer;
  let h: GavelHarness;

  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await google.close();
  });

  const start = async (prepare?: (g: GoogleApiServer) => void) => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addCalendar(CAL);
    google.addCalendarEvent(CAL, SOMEONES);
    prepare?.(google);
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: WITH_LIST,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url, GOOGLE_CALENDAR_ID: CAL },
      apiTimeoutMs: 2000,
    });
    await h.gavel.tick();
  };
  const gavels = () =>
    google.calendarEvents(CAL).filter((e) => e.id !== SOMEONES.id && e.body['status'] !== 'cancelled');
  const writes = () => WRITES.reduce((n, op) => n + google.callsTo(op).length, 0);
  const someonesUntouched = () => {
    const [theirs] = google.calendarEvents(CAL).filter((e) => e.id === SOMEONES.id);
    expect(theirs?.writer).toBe('someone');
    expect(theirs?.body['status']).toBe('confirmed');
    expect(theirs?.body['summary']).toBe(SOMEONES.summary);
  };

  it('keeps one recurring event per rule, follows /meeting cancel and the groups file, and touches nothing else', async () => {
    await start();
    const [event, ...more] = gavels();
    expect(more).toEqual([]);
    expect(event?.body).toMatchObject({
      summary: 'Weekly call',
      location: 'https://zoom.us/j/123456789',
      attendees: [{ email: LIST }],
      start: { timeZone: 'America/Los_Angeles' },
      extendedProperties: { private: { gavel: '1', gavelGroup: 'serverless', gavelKey: 'rule:meeting-1' } },
    });
    expect(event?.body['recurrence']).toEqual(['RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TH']);
    expect(google.callsTo('events.list')[0]?.query['privateExtendedProperty']).toBeDefined();

    // Re-planning an unchanged plan writes nothing.
    const before = writes();
    await h.gavel.replanAll();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(writes()).toBe(before);
    expect(gavels()).toHaveLength(1);

    const cancelled = await h.command('/meeting', 'cancel 2026-11-26', { userId: LEAD });
    expect(cancelled.status).toBe(200);
    await h.gavel.tick();
    expect(gavels()).toHaveLength(1);
    expect(gavels()[0]?.body['recurrence']).toEqual([
      'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TH',
      'EXDATE;TZID=America/Los_Angeles:20261126T090000',
    ]);
    expect(google.callsTo('events.insert')).toHaveLength(1);

    // The rule goes from the groups file (another takes its place): gavel's event goes with it.
    const renamed = parseGroups(
      WITH_LIST.replace('      - title: Weekly call', '      - id: biweekly\n        title: Weekly call'),
    );
    if (!renamed.ok) throw new Error(renamed.problems.join('; '));
    await h.gavel.reloadGroups(renamed.groups);
    await h.gavel.tick();
    const after = gavels();
    expect(after.map((e) => e.body['extendedProperties'])).toEqual([
      { private: { gavel: '1', gavelGroup: 'serverless', gavelKey: 'rule:biweekly' } },
    ]);
    expect(google.calendarEvents(CAL).find((e) => e.id === event?.id)?.body['status']).toBe('cancelled');
    someonesUntouched();
    expect(google.calls.filter((c) => c.path.endsWith(`/${SOMEONES.id}`))).toEqual([]);
  });

  it('ends with one event when the answer to the insert is lost', async () => {
    await start((g) => g.fault({ op: 'events.insert', status: 502, afterApplying: true }));
    expect(google.callsTo('events.insert').map((c) => c.status)).toEqual([502]);
    expect(gavels()).toHaveLength(1);
    h.clock.set(new Date(Date.parse(MONDAY_NOON) + 31_000));
    await h.gavel.tick();
    expect(gavels()).toHaveLength(1);
    expect(google.callsTo('events.insert')).toHaveLength(1);
    someonesUntouched();
  });
});
