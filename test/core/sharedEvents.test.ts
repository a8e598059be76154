import { describe, expect, it } from 'vitest';
import { calendarSyncJobSpec } from '../../src/core/calendar/calendarSyncJob.js';
import { renderIcsFeed } from '../../src/core/calendar/icsFeed.js';
import {
  eventInstant,
  mailingAddress,
  sameSharedEvent,
  sharedCalendarChanges,
  sharedEvents,
  type SharedEventsInput,
} from '../../src/core/calendar/sharedEvents.js';
import type { MeetingRule } from '../../src/core/group.js';
import type { GroupId, LocalDate, LocalTime } from '../../src/core/ids.js';

const now = new Date('2026-11-23T12:00:00Z');
const weekly: MeetingRule = {
  id: 'weekly',
  title: 'Weekly call',
  weekday: 'thursday',
  time: '09:00' as LocalTime,
  durationMinutes: 60,
  frequency: { kind: 'weekly', interval: 2, anchor: undefined },
  from: undefined,
  until: '2027-06-30' as LocalDate,
  joinUrl: 'https://zoom.us/j/1',
  dialIn: undefined,
};
const group: SharedEventsInput['group'] = {
  id: 'serverless' as GroupId,
  name: 'CNCF Serverless WG',
  timeZone: 'America/Los_Angeles',
  meetings: [weekly],
  extraMeetings: [],
  cancelled: ['2026-12-24' as LocalDate],
  links: { mailingList: 'wg-serverless@lists.cncf.io' },
};
const input: SharedEventsInput = {
  group,
  added: [
    { startsAt: new Date('2026-12-01T18:00:00Z'), endsAt: new Date('2026-12-01T18:30:00Z'), title: 'Extra' },
  ],
  cancelledStarts: [new Date('2027-01-07T17:00:00Z')],
  now,
};

/** The feed's unfolded lines of the rule's VEVENT that start with one of the prefixes. */
function feedLines(prefixes: readonly string[]): string[] {
  const lines = renderIcsFeed({ ...input, host: 'h' })
    .replace(/\r\n /g, '')
    .split('\r\n');
  const from = lines.indexOf('UID:weekly.serverless@h');
  const event = lines.slice(from, lines.indexOf('END:VEVENT', from));
  return event.filter((l) => prefixes.some((p) => l.startsWith(p)));
}

describe('the shared calendar’s desired events', () => {
  it('gives a rule with rotating times one recurring event per time, as the feed does', () => {
    const rotating: MeetingRule = {
      ...weekly,
      frequency: { kind: 'weekly', interval: 1, anchor: undefined },
      from: '2026-11-26' as LocalDate,
      times: [
        { time: '08:00' as LocalTime, joinUrl: undefined },
        { time: '17:00' as LocalTime, joinUrl: 'https://zoom.us/j/2' },
      ],
    };
    const events = sharedEvents({ ...input, group: { ...group, meetings: [rotating] }, added: [] });
    expect(events.map((e) => [e.key, e.start])).toEqual([
      ['rule:weekly.1', { dateTime: '2026-11-26T08:00:00', timeZone: 'America/Los_Angeles' }],
      ['rule:weekly.2', { dateTime: '2026-12-03T17:00:00', timeZone: 'America/Los_Angeles' }],
    ]);
    expect(events.every((e) => e.recurrence[0]?.includes('INTERVAL=2'))).toBe(true);
  });

  it('gives a rule one recurring event whose RRULE and EXDATE lines are the feed’s, with the list invited', () => {
    const [rule, added, ...rest] = sharedEvents(input);
    expect(rest).toEqual([]);
    expect(rule?.key).toBe('rule:weekly');
    expect(rule?.recurrence).toEqual(feedLines(['RRULE:', 'EXDATE']));
    expect(rule?.recurrence).toContain('EXDATE;TZID=America/Los_Angeles:20270107T090000');
    expect(rule?.attendees).toEqual(['wg-serverless@lists.cncf.io']);
    expect(rule?.location).toBe('https://zoom.us/j/1');
    expect(rule?.start.timeZone).toBe('America/Los_Angeles');
    expect(rule!.start.dateTime.startsWith('2025-01-')).toBe(true);
    expect(eventInstant(rule!.end) - eventInstant(rule!.start)).toBe(3_600_000);
    expect(added).toMatchObject({
      key: 'added:20261201T180000Z',
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'America/Los_Angeles' },
      end: { dateTime: '2026-12-01T10:30:00' },
      recurrence: [],
    });
  });

  it('starts a series on the same day all year, so an unchanged rule needs no write', () => {
    const later = sharedEvents({ ...input, now: new Date('2026-03-02T12:00:00Z') });
    expect(later[0]).toEqual(sharedEvents(input)[0]);
    expect(calendarSyncJobSpec('serverless', sharedEvents(input), now).key).toBe(
      calendarSyncJobSpec('serverless', sharedEvents(input), new Date(now.getTime() + 60_000)).key,
    );
  });

  it('invites a mailing list only when it is an e-mail address', () => {
    expect(mailingAddress('mailto:wg@lists.example.org')).toEqual(['wg@lists.example.org']);
    expect(mailingAddress('https://lists.example.org/g/wg')).toEqual([]);
    expect(mailingAddress(undefined)).toEqual([]);
  });

  it('reads a time Google answers with an offset as the same instant', () => {
    const [rule] = sharedEvents(input);
    const answered = {
      ...rule!,
      start: { dateTime: `${rule!.start.dateTime}-08:00`, timeZone: 'America/Los_Angeles' },
      end: { dateTime: `${rule!.end.dateTime}-08:00`, timeZone: 'America/Los_Angeles' },
      attendees: ['WG-Serverless@lists.cncf.io'],
    };
    expect(sameSharedEvent(rule!, answered)).toBe(true);
    expect(sameSharedEvent(rule!, { ...answered, recurrence: [] })).toBe(false);
  });

  it('puts what is missing or differs and removes what the plan no longer has', () => {
    const want = sharedEvents(input);
    const stale = { ...want[0]!, summary: 'Old title' };
    const gone = { ...want[1]!, key: 'rule:removed' };
    const changes = sharedCalendarChanges(want, [stale, gone]);
    expect(changes.put.map((e) => e.key)).toEqual(['rule:weekly', 'added:20261201T180000Z']);
    expect(changes.remove).toEqual(['rule:removed']);
    expect(sharedCalendarChanges(want, want)).toEqual({ put: [], remove: [] });
  });
});
