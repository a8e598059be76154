/** A wall-clock time in a zone, as a calendar event's start or end. */
export interface EventTime {
  /** `2026-11-26T09:00:00` (local to `timeZone`), or with an offset as a calendar answers it. */
  readonly dateTime: string;
  /** IANA zone, e.g. America/Los_Angeles. */
  readonly timeZone: string;
}

/**
 * One event gavel keeps in the shared calendar: a meeting rule's recurring event, or a one-off
 * meeting. `key` is stable within the group (`rule:<id>`, `extra:<local start>`,
 * `added:<utc start>`); with the group it is how the event is found again.
 */
export interface SharedEvent {
  readonly groupId: string;
  readonly key: string;
  readonly summary: string;
  readonly description: string | undefined;
  readonly location: string | undefined;
  readonly start: EventTime;
  readonly end: EventTime;
  /** RFC 5545 lines (`RRULE:…`, `EXDATE;TZID=…:…`); empty for a one-off. */
  readonly recurrence: readonly string[];
  /** E-mail addresses invited (the group's mailing list). */
  readonly attendees: readonly string[];
}

/**
 * The shared calendar (Google Calendar in production) where each group's meetings are kept.
 * It only ever sees and changes the events gavel made, which carry gavel's mark: an event
 * someone else created in the calendar is never listed, changed or deleted.
 * Every failure is a SharedCalendarError saying whether trying again can help.
 */
export interface SharedCalendar {
  /** The group's events that carry gavel's mark (not the deleted ones). */
  listGroup(groupId: string): Promise<SharedEvent[]>;
  /**
   * Creates the event under its stable id, or, when that id exists (a lost answer, a deleted
   * event), brings the one found there in line; refuses one without gavel's mark. `listed`:
   * listGroup returned it, so it is gavel's and is changed straight away.
   */
  put(event: SharedEvent, listed: boolean): Promise<'created' | 'updated'>;
  /** Deletes the event if it carries gavel's mark; one already gone is fine. */
  remove(groupId: string, key: string): Promise<'deleted' | 'gone' | 'not-ours'>;
}

/**
 * `retryable` clears by itself (rate limits, outages, a lost answer); `not-shared` is a set-up
 * problem (the calendar is missing or not shared with the account for writing);
 * `cannot-invite` means the account may not invite attendees (a service account without
 * domain-wide delegation); `rejected` is any other refusal, which retrying will not change.
 */
export type SharedCalendarFailure = 'retryable' | 'not-shared' | 'cannot-invite' | 'rejected';

export class SharedCalendarError extends Error {
  override readonly name = 'SharedCalendarError';
  constructor(
    readonly failure: SharedCalendarFailure,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}
