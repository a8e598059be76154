import { describe, expect, it } from 'vitest';
import { chooseMeeting, meetingInProgress, upcomingMeetings } from '../../src/core/agenda/meetingChoice.js';
import type { LocalDate } from '../../src/core/ids.js';
import type { Occurrence, OccurrenceId } from '../../src/core/model/occurrence.js';
import { day, gid } from '../support/ids.js';

const containing = (s: string): unknown => expect.stringContaining(s);

const TZ = 'America/Los_Angeles';
let id = 0;
/** A weekly Thursday 09:00 PST meeting of one hour. */
const meeting = (localDate: string, status: Occurrence['status'] = 'scheduled'): Occurrence => {
  const starts = new Date(`${localDate}T17:00:00.000Z`);
  return {
    id: ++id as OccurrenceId,
    groupId: gid('serverless'),
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
    localDate: day(localDate),
    title: 'Weekly call',
    source: 'rule',
    ruleId: 'meeting-0',
    status,
    cancelledBy: status === 'cancelled' ? 'U0LEAD001' : null,
    joinUrl: null,
    dialIn: null,
    minutes: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
};
const nov26 = meeting('2026-11-26');
const dec03 = meeting('2026-12-03', 'cancelled');
const dec10 = meeting('2026-12-10');
const dec17 = meeting('2026-12-17');
const around = [dec10, nov26, dec03, dec17];
const MONDAY = new Date('2026-11-23T12:00:00.000Z');
const DURING = new Date('2026-11-26T17:30:00.000Z');
const date = (s: string) => s as LocalDate;

const choose = (purpose: 'add' | 'view', d: string | undefined, now: Date, onDate: Occurrence[] = []) =>
  chooseMeeting({ purpose, date: d ? date(d) : undefined, around, onDate, now, timeZone: TZ });

describe('choosing the meeting an agenda command is about', () => {
  it('knows the upcoming scheduled meetings, soonest first, and the one in progress', () => {
    expect(upcomingMeetings(around, MONDAY)).toEqual([nov26, dec10, dec17]);
    expect(upcomingMeetings(around, DURING)).toEqual([dec10, dec17]);
    expect(meetingInProgress(around, DURING)).toBe(nov26);
    expect(meetingInProgress(around, MONDAY)).toBeUndefined();
  });

  it('adds to the next meeting that has not started, skipping cancelled ones; during a meeting, to that one', () => {
    expect(choose('add', undefined, MONDAY)).toEqual({ ok: true, meeting: nov26 });
    expect(choose('add', undefined, DURING)).toEqual({ ok: true, meeting: nov26 });
    expect(choose('add', undefined, new Date('2026-11-26T18:00:00.000Z'))).toEqual({
      ok: true,
      meeting: dec10,
    });
  });

  it('adds where it lists: without a date, add and view choose the same meeting', () => {
    for (const now of [
      MONDAY,
      DURING,
      new Date('2026-11-26T18:00:00.000Z'),
      new Date('2026-12-03T17:30:00Z'),
    ]) {
      expect(choose('add', undefined, now)).toEqual(choose('view', undefined, now));
    }
  });

  it('shows the meeting in progress, else the next', () => {
    expect(choose('view', undefined, DURING)).toEqual({ ok: true, meeting: nov26 });
    expect(choose('view', undefined, new Date('2026-11-26T18:00:00.000Z'))).toEqual({
      ok: true,
      meeting: dec10,
    });
  });

  it('adds to the meeting on a named date', () => {
    expect(choose('add', '2026-12-10', MONDAY, [dec10])).toEqual({ ok: true, meeting: dec10 });
  });

  it('refuses a date without a meeting, listing the next few dates', () => {
    expect(choose('add', '2026-11-27', MONDAY)).toEqual({
      ok: false,
      message: 'There is no meeting on 2026-11-27. Upcoming meetings: 2026-11-26, 2026-12-10, 2026-12-17.',
    });
  });

  it('adds to the meeting in progress on a named date', () => {
    expect(choose('add', '2026-11-26', DURING, [nov26])).toEqual({ ok: true, meeting: nov26 });
  });

  it('refuses a cancelled meeting and one that has ended, naming it', () => {
    expect(choose('add', '2026-12-03', MONDAY, [dec03])).toMatchObject({
      ok: false,
      message: containing('The meeting of Thu 3 Dec is cancelled. Upcoming meetings: 2026-11-26'),
    });
    expect(choose('add', '2026-11-26', new Date('2026-11-26T18:00:00.000Z'), [nov26])).toMatchObject({
      ok: false,
      message: containing('The meeting of Thu 26 Nov has already ended. Upcoming meetings: 2026-12-10'),
    });
  });

  it('shows any meeting on a named date, past or cancelled', () => {
    expect(choose('view', '2026-11-26', new Date('2026-12-01T00:00:00Z'), [nov26])).toEqual({
      ok: true,
      meeting: nov26,
    });
    expect(choose('view', '2026-12-03', MONDAY, [dec03])).toEqual({ ok: true, meeting: dec03 });
  });

  it('says so when nothing is scheduled', () => {
    const none = chooseMeeting({
      purpose: 'add',
      date: undefined,
      around: [],
      onDate: [],
      now: MONDAY,
      timeZone: TZ,
    });
    expect(none).toMatchObject({ ok: false, message: containing('No upcoming meeting') });
  });
});
