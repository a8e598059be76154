import { createHash } from 'node:crypto';
import type { SharedCalendar, SharedEvent } from '../core/ports/sharedCalendar.js';
import { SharedCalendarError } from '../core/ports/sharedCalendar.js';
import type { GoogleCredentials } from './googleAuth.js';
import { toSharedCalendarError } from './googleCalendarErrors.js';

export interface GoogleSharedCalendarOptions {
  readonly credentials: GoogleCredentials;
  /** GOOGLE_CALENDAR_ID: `…@group.calendar.google.com`, or an account's address. */
  readonly calendarId: string;
  /** GOOGLE_API_URL: the API root (Google's when unset). */
  readonly apiUrl: string | undefined;
  readonly timeoutMs?: number;
  /** The transport (default the global fetch): the composition root's hook that counts calls. */
  readonly fetch?: typeof fetch;
}

/** The mark on every event gavel makes; listed, checked before a change or a delete. */
const MARK = { gavel: '1' } as const;

/**
 * The event's id in Google Calendar, the same on every run and replica: base32hex
 * (Google allows [a-v0-9], 5–1024 characters), and hex digits are base32hex digits.
 */
export const googleEventId = (groupId: string, key: string): string =>
  `gavel${createHash('sha256').update(`${groupId}\n${key}`).digest('hex').slice(0, 40)}`;

interface GoogleEvent {
  readonly id?: string;
  readonly status?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly location?: string;
  readonly start?: { dateTime?: string; timeZone?: string };
  readonly end?: { dateTime?: string; timeZone?: string };
  readonly recurrence?: string[];
  readonly attendees?: { email?: string; organizer?: boolean; self?: boolean; resource?: boolean }[];
  readonly extendedProperties?: { private?: Record<string, string> };
}

interface Answer {
  readonly status: number;
  readonly data: unknown;
}

/**
 * The shared calendar on Google Calendar API v3, over fetch with the Google auth client's
 * headers: neither `@googleapis/calendar` nor `googleapis` is installed, and this is six
 * requests. No retries here: the job queue retries with its backoff.
 */
export function googleSharedCalendar(opts: GoogleSharedCalendarOptions): SharedCalendar {
  const root = (opts.apiUrl ?? 'https://www.googleapis.com').replace(/\/+$/, '');
  const events = `${root}/calendar/v3/calendars/${encodeURIComponent(opts.calendarId)}/events`;
  const send = opts.fetch ?? fetch;

  async function request(
    doing: string,
    method: string,
    path: string,
    query: [string, string][] = [],
    body?: unknown,
  ): Promise<Answer> {
    const url = new URL(`${events}${path}`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    try {
      const headers = await opts.credentials.client.getRequestHeaders(url.toString());
      headers.set('accept', 'application/json');
      if (body !== undefined) headers.set('content-type', 'application/json');
      const res = await send(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      let data: unknown = text;
      try {
        data = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        // Not JSON (a proxy's error page): kept as text for the message.
      }
      return { status: res.status, data };
    } catch (error) {
      throw toSharedCalendarError(undefined, String(error), doing);
    }
  }

  const ok = (a: Answer, doing: string, also: readonly number[] = []): Answer => {
    if ((a.status >= 200 && a.status < 300) || also.includes(a.status)) return a;
    throw toSharedCalendarError(a.status, a.data, doing);
  };
  const marked = (e: GoogleEvent | undefined) => e?.extendedProperties?.private?.['gavel'] === MARK.gavel;

  const insert = async (event: SharedEvent): Promise<'created' | 'updated'> => {
    const id = googleEventId(event.groupId, event.key);
    const doing = `creating the calendar event ${event.key} of ${event.groupId}`;
    const created = ok(
      await request(doing, 'POST', '', [['sendUpdates', 'all']], { id, ...googleBody(event) }),
      doing,
      [409],
    );
    if (created.status !== 409) return 'created';
    // The id is taken: our own earlier insert whose answer was lost, or an event deleted since.
    const found = ok(await request(doing, 'GET', `/${id}`), doing).data as GoogleEvent;
    if (!marked(found)) {
      throw new SharedCalendarError(
        'rejected',
        409,
        `${doing}: the id ${id} holds an event gavel did not make`,
      );
    }
    ok(await request(doing, 'PATCH', `/${id}`, [['sendUpdates', 'all']], googleBody(event)), doing);
    return 'updated';
  };

  return {
    async listGroup(groupId) {
      const doing = `listing the calendar events of ${groupId}`;
      const found: SharedEvent[] = [];
      let pageToken: string | undefined;
      do {
        const answer = ok(
          await request(doing, 'GET', '', [
            ['privateExtendedProperty', 'gavel=1'],
            ['privateExtendedProperty', `gavelGroup=${groupId}`],
            ['maxResults', '2500'],
            ...(pageToken ? ([['pageToken', pageToken]] as [string, string][]) : []),
          ]),
          doing,
        ).data as { items?: GoogleEvent[]; nextPageToken?: string };
        for (const item of answer.items ?? []) {
          const event = fromGoogle(item);
          if (event && event.groupId === groupId && marked(item)) found.push(event);
        }
        pageToken = answer.nextPageToken;
      } while (pageToken);
      return found;
    },

    async put(event, listed) {
      if (!listed) return insert(event);
      const id = googleEventId(event.groupId, event.key);
      const doing = `updating the calendar event ${event.key} of ${event.groupId}`;
      const patched = ok(
        await request(doing, 'PATCH', `/${id}`, [['sendUpdates', 'all']], googleBody(event)),
        doing,
        [404, 410],
      );
      // Deleted by someone between the list and now: made again.
      return patched.status === 404 || patched.status === 410 ? insert(event) : 'updated';
    },

    async remove(groupId, key) {
      const id = googleEventId(groupId, key);
      const doing = `deleting the calendar event ${key} of ${groupId}`;
      const got = ok(await request(doing, 'GET', `/${id}`), doing, [404, 410]);
      if (got.status !== 200) return 'gone';
      const found = got.data as GoogleEvent;
      if (found.status === 'cancelled') return 'gone';
      if (!marked(found)) return 'not-ours';
      const deleted = ok(
        await request(doing, 'DELETE', `/${id}`, [['sendUpdates', 'all']]),
        doing,
        [404, 410],
      );
      return deleted.status === 404 || deleted.status === 410 ? 'gone' : 'deleted';
    },
  };
}

/** The event as Calendar API v3 takes it; absent texts are cleared (null) so a patch removes them. */
function googleBody(e: SharedEvent): Record<string, unknown> {
  return {
    status: 'confirmed',
    summary: e.summary,
    description: e.description ?? null,
    location: e.location ?? null,
    start: { ...e.start },
    end: { ...e.end },
    recurrence: [...e.recurrence],
    attendees: e.attendees.map((email) => ({ email })),
    extendedProperties: { private: { ...MARK, gavelGroup: e.groupId, gavelKey: e.key } },
  };
}

function fromGoogle(item: GoogleEvent): SharedEvent | undefined {
  const props = item.extendedProperties?.private ?? {};
  const groupId = props['gavelGroup'];
  const key = props['gavelKey'];
  if (!groupId || !key || item.status === 'cancelled') return undefined;
  const time = (t: GoogleEvent['start']) => ({ dateTime: t?.dateTime ?? '', timeZone: t?.timeZone ?? '' });
  return {
    groupId,
    key,
    summary: item.summary ?? '',
    description: item.description,
    location: item.location,
    start: time(item.start),
    end: time(item.end),
    recurrence: item.recurrence ?? [],
    attendees: (item.attendees ?? [])
      .filter((a) => !a.organizer && !a.self && !a.resource && a.email)
      .map((a) => a.email!),
  };
}
