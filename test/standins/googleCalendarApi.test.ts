import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_SCOPES, googleCredentials } from '../../src/google/googleAuth.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

const CAL = 'wg-meetings@group.calendar.google.com';
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  summary: 'Weekly call',
  start: { dateTime: '2026-11-26T09:00:00', timeZone: 'America/Los_Angeles' },
  end: { dateTime: '2026-11-26T10:00:00', timeZone: 'America/Los_Angeles' },
  ...extra,
});

describe('the Google stand-in’s Calendar API v3', () => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    scopes: readonly string[] = CALENDAR_SCOPES,
  ): Promise<{ status: number; data: Record<string, unknown> | undefined }> => {
    const { client } = googleCredentials(
      { kind: 'service-account-json', json: key.json, subject: undefined },
      { customApiRoot: true, tokenUrl: undefined, scopes },
    );
    const url = `${google.url}/calendar/v3/calendars/${encodeURIComponent(CAL)}/events${path}`;
    const headers = await client.getRequestHeaders(url);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, data: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  beforeAll(async () => {
    key = makeServiceAccountKey();
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addCalendar(CAL);
  });
  afterAll(() => google.close());

  it('inserts under a client id, refuses the same id again (409) and an id outside base32hex (400)', async () => {
    expect((await call('POST', '', event('abcdef0123'))).status).toBe(200);
    const again = await call('POST', '', event('abcdef0123'));
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.data)).toContain('duplicate');
    expect((await call('POST', '', event('ABC_xyz!!'))).status).toBe(400);
    expect((await call('GET', '/abcdef0123')).data?.['summary']).toBe('Weekly call');
  });

  it('patches fields (null clears), replaces on update, and keeps recurrence lines', async () => {
    await call(
      'POST',
      '',
      event('patchme01', { description: 'Join', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH'] }),
    );
    const patched = await call('PATCH', '/patchme01', { summary: 'Renamed', description: null });
    expect(patched.data?.['summary']).toBe('Renamed');
    expect(patched.data).not.toHaveProperty('description');
    expect(patched.data?.['recurrence']).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TH']);
    const updated = await call('PUT', '/patchme01', event('patchme01'));
    expect(updated.data).not.toHaveProperty('recurrence');
    expect((await call('PATCH', '/nosuchevent', { summary: 'x' })).status).toBe(404);
  });

  it('deletes as Google does: cancelled, still there, 410 the second time, its id taken', async () => {
    await call('POST', '', event('deleteme01'));
    expect((await call('DELETE', '/deleteme01')).status).toBe(204);
    expect((await call('GET', '/deleteme01')).data?.['status']).toBe('cancelled');
    expect((await call('DELETE', '/deleteme01')).status).toBe(410);
    expect((await call('POST', '', event('deleteme01'))).status).toBe(409);
    expect((await call('DELETE', '/neverthere')).status).toBe(404);
  });

  it('lists by every privateExtendedProperty given, without deleted events unless asked', async () => {
    const mark = (group: string) => ({ extendedProperties: { private: { gavel: '1', gavelGroup: group } } });
    await call('POST', '', event('listone01', mark('serverless')));
    await call('POST', '', event('list20001', mark('runtime')));
    await call('POST', '', event('listthree', mark('serverless')));
    await call('DELETE', '/listthree');
    const ids = async (q: string) =>
      ((await call('GET', q)).data?.['items'] as { id: string }[]).map((e) => e.id).sort();
    expect(
      await ids('?privateExtendedProperty=gavel%3D1&privateExtendedProperty=gavelGroup%3Dserverless'),
    ).toEqual(['listone01']);
    expect(await ids('?privateExtendedProperty=gavel%3D1&showDeleted=true')).toEqual([
      'list20001',
      'listone01',
      'listthree',
    ]);
  });

  it('refuses a service account’s attendees where Google would (403 forbiddenForServiceAccounts)', async () => {
    google.addCalendar('strict@group.calendar.google.com', { serviceAccountsInvite: false });
    const { client } = googleCredentials(
      { kind: 'service-account-json', json: key.json, subject: undefined },
      { customApiRoot: true, tokenUrl: undefined, scopes: CALENDAR_SCOPES },
    );
    const url = `${google.url}/calendar/v3/calendars/strict%40group.calendar.google.com/events`;
    const headers = await client.getRequestHeaders(url);
    headers.set('content-type', 'application/json');
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(event('invite001', { attendees: [{ email: 'wg@lists.example.org' }] })),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('forbiddenForServiceAccounts');
  });

  it('answers 404 for an unknown calendar and 403 without a Calendar scope', async () => {
    expect((await call('GET', '', undefined, ['https://www.googleapis.com/auth/drive'])).status).toBe(403);
    const { client } = googleCredentials(
      { kind: 'service-account-json', json: key.json, subject: undefined },
      { customApiRoot: true, tokenUrl: undefined, scopes: CALENDAR_SCOPES },
    );
    const url = `${google.url}/calendar/v3/calendars/unknown%40group.calendar.google.com/events`;
    expect((await fetch(url, { headers: await client.getRequestHeaders(url) })).status).toBe(404);
  });

  it('injects faults: applied, then 502 (a lost answer)', async () => {
    google.fault({ op: 'events.insert', fileId: 'lostansr01', status: 502, afterApplying: true });
    expect((await call('POST', '', event('lostansr01'))).status).toBe(502);
    expect((await call('GET', '/lostansr01')).status).toBe(200);
    expect(google.calendarEvents(CAL).filter((e) => e.id === 'lostansr01')).toHaveLength(1);
  });
});
