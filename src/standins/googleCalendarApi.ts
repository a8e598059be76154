import { randomBytes } from 'node:crypto';

/**
 * The stand-in's Google Calendar API v3 subset: events.insert, get, patch, update, delete and
 * list (with `privateExtendedProperty` and `showDeleted`), on calendars the test adds. Events
 * are kept as the JSON they were written with; a deleted event stays, `status: cancelled`, as
 * in Google (its id cannot be inserted again: 409; deleting it again: 410).
 */

export type CalendarOp =
  'events.insert' | 'events.get' | 'events.patch' | 'events.update' | 'events.delete' | 'events.list';

export interface StoredCalendarEvent {
  readonly id: string;
  readonly calendarId: string;
  /** The event's JSON as Google answers it (id, status, summary, start, recurrence, …). */
  body: Record<string, unknown>;
  /** Who wrote it last: a service account's email, or `oauth`. */
  writer: string;
}

export interface CalendarOptions {
  /**
   * Whether a service account may invite attendees. Google refuses it (403
   * forbiddenForServiceAccounts) unless it acts for a user by domain-wide delegation; the
   * stand-in allows it by default so tests can use a service account key.
   */
  readonly serviceAccountsInvite?: boolean;
}

export class CalendarFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CalendarRoute {
  readonly op: CalendarOp;
  readonly eventId: string | undefined;
  readonly run: (caller: string) => unknown;
}

const EVENT_ID = /^[a-v0-9]{5,1024}$/;

export function calendarApi() {
  const calendars = new Map<string, Required<CalendarOptions>>();
  const events = new Map<string, StoredCalendarEvent>();
  const slot = (calendarId: string, id: string) => `${calendarId}\n${id}`;

  const calendarOrFail = (id: string) => {
    const c = calendars.get(id);
    if (!c) throw new CalendarFailure(404, 'notFound', 'Not Found');
    return c;
  };
  const eventOrFail = (calendarId: string, id: string) => {
    calendarOrFail(calendarId);
    const e = events.get(slot(calendarId, id));
    if (!e) throw new CalendarFailure(404, 'notFound', 'Not Found');
    return e;
  };

  /** What Google checks of every write: times present, attendees allowed. */
  function checkWrite(calendarId: string, body: Record<string, unknown>, caller: string): void {
    const cal = calendarOrFail(calendarId);
    const time = (t: unknown) => typeof (t as { dateTime?: unknown } | undefined)?.dateTime === 'string';
    if (!time(body['start'])) throw new CalendarFailure(400, 'required', 'Missing start time.');
    if (!time(body['end'])) throw new CalendarFailure(400, 'required', 'Missing end time.');
    const recurring = Array.isArray(body['recurrence']) && body['recurrence'].length > 0;
    const zoned = (t: unknown) => typeof (t as { timeZone?: unknown }).timeZone === 'string';
    if (recurring && !(zoned(body['start']) && zoned(body['end']))) {
      throw new CalendarFailure(400, 'invalid', 'Missing time zone definition for start time.');
    }
    for (const line of (body['recurrence'] as unknown[] | undefined) ?? []) {
      if (typeof line !== 'string' || !/^(RRULE|EXRULE|RDATE|EXDATE)[:;]/.test(line)) {
        throw new CalendarFailure(400, 'invalid', 'Invalid recurrence rule.');
      }
    }
    const attendees = Array.isArray(body['attendees']) ? body['attendees'] : [];
    if (attendees.length > 0 && caller !== 'oauth' && !cal.serviceAccountsInvite) {
      throw new CalendarFailure(
        403,
        'forbiddenForServiceAccounts',
        'Service accounts cannot invite attendees without Domain-Wide Delegation of Authority.',
      );
    }
  }

  /** Fields set to null are removed, as in a Google PATCH. */
  const merged = (base: Record<string, unknown>, change: Record<string, unknown>) => {
    const out = new Map(Object.entries(base));
    for (const [k, v] of Object.entries(change)) {
      if (v === null) out.delete(k);
      else out.set(k, v);
    }
    return Object.fromEntries(out);
  };
  const stamp = (body: Record<string, unknown>, id: string, sequence: number) => ({
    ...body,
    kind: 'calendar#event',
    id,
    status: typeof body['status'] === 'string' ? body['status'] : 'confirmed',
    sequence,
    updated: new Date().toISOString(),
    etag: `"${randomBytes(6).toString('hex')}"`,
  });
  const sequenceOf = (e: StoredCalendarEvent) => Number(e.body['sequence'] ?? 0) + 1;

  function insert(calendarId: string, body: Record<string, unknown>, caller: string): unknown {
    calendarOrFail(calendarId);
    const id = typeof body['id'] === 'string' ? body['id'] : randomBytes(13).toString('hex');
    if (!EVENT_ID.test(id)) throw new CalendarFailure(400, 'invalid', 'Invalid resource id value.');
    if (events.has(slot(calendarId, id))) {
      throw new CalendarFailure(409, 'duplicate', 'The requested identifier already exists.');
    }
    checkWrite(calendarId, body, caller);
    const stored = { id, calendarId, body: stamp(merged({}, body), id, 0), writer: caller };
    events.set(slot(calendarId, id), stored);
    return stored.body;
  }

  function write(
    calendarId: string,
    id: string,
    body: Record<string, unknown>,
    caller: string,
    patch: boolean,
  ) {
    const found = eventOrFail(calendarId, id);
    const next = patch ? merged(found.body, body) : merged({}, body);
    checkWrite(calendarId, next, caller);
    found.body = stamp(next, id, sequenceOf(found));
    found.writer = caller;
    return found.body;
  }

  function remove(calendarId: string, id: string): unknown {
    const found = eventOrFail(calendarId, id);
    if (found.body['status'] === 'cancelled')
      throw new CalendarFailure(410, 'deleted', 'Resource has been deleted');
    found.body = stamp({ ...found.body, status: 'cancelled' }, id, sequenceOf(found));
    return new NoContent();
  }

  function list(calendarId: string, query: URLSearchParams): unknown {
    calendarOrFail(calendarId);
    const wanted = query.getAll('privateExtendedProperty').map((p) => {
      const at = p.indexOf('=');
      if (at < 1) throw new CalendarFailure(400, 'invalid', `Invalid privateExtendedProperty: ${p}`);
      return [p.slice(0, at), p.slice(at + 1)] as const;
    });
    const showDeleted = query.get('showDeleted') === 'true';
    const items = [...events.values()]
      .filter((e) => e.calendarId === calendarId)
      .filter((e) => showDeleted || e.body['status'] !== 'cancelled')
      .filter((e) => {
        const props = (e.body['extendedProperties'] as { private?: Record<string, string> } | undefined)
          ?.private;
        return wanted.every(([k, v]) => props?.[k] === v);
      })
      .map((e) => e.body);
    return { kind: 'calendar#events', summary: calendarId, items };
  }

  return {
    addCalendar(id: string, opts: CalendarOptions = {}): void {
      calendars.set(id, { serviceAccountsInvite: opts.serviceAccountsInvite ?? true });
    },
    /** An event written behind gavel's back (a person's own, say). */
    addEvent(calendarId: string, body: Record<string, unknown>): StoredCalendarEvent {
      calendarOrFail(calendarId);
      const id = typeof body['id'] === 'string' ? body['id'] : randomBytes(13).toString('hex');
      const stored = { id, calendarId, body: stamp(body, id, 0), writer: 'someone' };
      events.set(slot(calendarId, id), stored);
      return stored;
    },
    /** Every event of the calendar, deleted ones included, in the order they were made. */
    eventsIn: (calendarId: string): StoredCalendarEvent[] =>
      [...events.values()].filter((e) => e.calendarId === calendarId),

    route(method: string, url: URL, body: Record<string, unknown>): CalendarRoute | undefined {
      const m = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(url.pathname);
      if (!m) return undefined;
      const cid = decodeURIComponent(m[1]!);
      const id = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
      if (id === undefined && method === 'POST') {
        const wanted = typeof body['id'] === 'string' ? body['id'] : undefined;
        return { op: 'events.insert', eventId: wanted, run: (caller) => insert(cid, body, caller) };
      }
      if (id === undefined && method === 'GET') {
        return { op: 'events.list', eventId: undefined, run: () => list(cid, url.searchParams) };
      }
      if (id === undefined) return undefined;
      if (method === 'GET') return { op: 'events.get', eventId: id, run: () => eventOrFail(cid, id).body };
      if (method === 'PATCH') {
        return { op: 'events.patch', eventId: id, run: (caller) => write(cid, id, body, caller, true) };
      }
      if (method === 'PUT') {
        return { op: 'events.update', eventId: id, run: (caller) => write(cid, id, body, caller, false) };
      }
      if (method === 'DELETE') return { op: 'events.delete', eventId: id, run: () => remove(cid, id) };
      return undefined;
    },
  };
}

/** An answer without a body (204), as events.delete gives. */
export class NoContent {
  readonly status = 204;
}
