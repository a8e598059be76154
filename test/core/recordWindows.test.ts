import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_CLOSES_AFTER_MINUTES,
  CHECK_IN_OPENS_BEFORE_MINUTES,
  isRecordOpen,
  meetingForRecord,
  meetingInProgress,
  RECORD_OPEN_AFTER_MINUTES,
  type TimedMeeting,
} from '../../src/core/record/recordWindows.js';

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE);

function meeting(startsAt: string, minutes = 60, status: TimedMeeting['status'] = 'scheduled') {
  const endsAt = new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString();
  return { startsAt, endsAt, status, label: startsAt };
}

const thursday = meeting('2026-11-26T17:00:00.000Z');
const nextThursday = meeting('2026-12-03T17:00:00.000Z');

describe('the windows', () => {
  it('are 10 minutes before to 30 after for check-in, and a day after the end for the record', () => {
    expect([CHECK_IN_OPENS_BEFORE_MINUTES, CHECK_IN_CLOSES_AFTER_MINUTES, RECORD_OPEN_AFTER_MINUTES]).toEqual(
      [10, 30, 1440],
    );
  });
});

describe('the meeting in progress (check-in)', () => {
  it('opens 10 minutes before the start and closes 30 minutes after the end, both inclusive', () => {
    const meetings = [thursday, nextThursday];
    expect(meetingInProgress(meetings, plus(thursday.startsAt, -11))).toBeUndefined();
    expect(meetingInProgress(meetings, plus(thursday.startsAt, -10))).toBe(thursday);
    expect(meetingInProgress(meetings, at('2026-11-26T17:30:00.000Z'))).toBe(thursday);
    expect(meetingInProgress(meetings, plus(thursday.endsAt, 30))).toBe(thursday);
    expect(meetingInProgress(meetings, plus(thursday.endsAt, 31))).toBeUndefined();
  });

  it('ignores a cancelled meeting', () => {
    const cancelled = meeting('2026-11-26T17:00:00.000Z', 60, 'cancelled');
    expect(meetingInProgress([cancelled], at('2026-11-26T17:30:00.000Z'))).toBeUndefined();
  });

  it('keeps a meeting that runs over into the next one’s lead-in', () => {
    const first = meeting('2026-11-26T16:00:00.000Z');
    const second = meeting('2026-11-26T17:05:00.000Z');
    expect(meetingInProgress([second, first], at('2026-11-26T17:00:00.000Z'))).toBe(first);
  });

  it('moves to the later of two overlapping meetings once it has started', () => {
    const first = meeting('2026-11-26T16:00:00.000Z');
    const second = meeting('2026-11-26T17:00:00.000Z');
    expect(meetingInProgress([first, second], at('2026-11-26T17:10:00.000Z'))).toBe(second);
  });

  it('takes the one that starts soonest when none has started', () => {
    const sooner = meeting('2026-11-26T17:00:00.000Z');
    const later = meeting('2026-11-26T17:05:00.000Z');
    expect(meetingInProgress([later, sooner], at('2026-11-26T16:56:00.000Z'))).toBe(sooner);
  });
});

describe('the meeting a record belongs to', () => {
  it('is the meeting until a day after its end', () => {
    expect(meetingForRecord([thursday], plus(thursday.startsAt, -10))).toBe(thursday);
    expect(meetingForRecord([thursday], plus(thursday.endsAt, RECORD_OPEN_AFTER_MINUTES))).toBe(thursday);
    expect(
      meetingForRecord([thursday], plus(thursday.endsAt, RECORD_OPEN_AFTER_MINUTES + 1)),
    ).toBeUndefined();
    expect(meetingForRecord([thursday], plus(thursday.startsAt, -11))).toBeUndefined();
  });

  it('passes to the next meeting as soon as its check-in opens', () => {
    const today = meeting('2026-11-27T09:00:00.000Z');
    const meetings = [today, thursday];
    expect(meetingForRecord(meetings, at('2026-11-27T08:49:00.000Z'))).toBe(thursday);
    expect(meetingForRecord(meetings, at('2026-11-27T08:50:00.000Z'))).toBe(today);
  });

  it('ignores a cancelled meeting', () => {
    const cancelled = meeting('2026-11-27T09:00:00.000Z', 60, 'cancelled');
    expect(meetingForRecord([cancelled, thursday], at('2026-11-27T09:30:00.000Z'))).toBe(thursday);
  });

  it('is open until a day after the end', () => {
    expect(isRecordOpen(thursday, plus(thursday.endsAt, RECORD_OPEN_AFTER_MINUTES))).toBe(true);
    expect(isRecordOpen(thursday, plus(thursday.endsAt, RECORD_OPEN_AFTER_MINUTES + 1))).toBe(false);
  });
});

describe('properties', () => {
  const start = Date.parse('2026-11-26T00:00:00.000Z');
  const meetingsArb = fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      minutes: fc.integer({ min: 15, max: 180 }),
      cancelled: fc.boolean(),
    }),
    { maxLength: 8 },
  );
  const build = (specs: { offset: number; minutes: number; cancelled: boolean }[]) =>
    specs.map((s) =>
      meeting(
        new Date(start + s.offset * MINUTE).toISOString(),
        s.minutes,
        s.cancelled ? 'cancelled' : 'scheduled',
      ),
    );
  const nowArb = fc.integer({ min: -60, max: 5 * 24 * 60 }).map((m) => new Date(start + m * MINUTE));

  it('a meeting in progress takes records, and its record is open', () => {
    fc.assert(
      fc.property(meetingsArb, nowArb, (specs, now) => {
        const meetings = build(specs);
        const current = meetingInProgress(meetings, now);
        if (current) {
          expect(current.status).toBe('scheduled');
          expect(isRecordOpen(current, now)).toBe(true);
          expect(meetingForRecord(meetings, now)).toBeDefined();
        }
      }),
    );
  });

  it('the meeting for a record has opened, is open, and no later one has', () => {
    fc.assert(
      fc.property(meetingsArb, nowArb, (specs, now) => {
        const meetings = build(specs);
        const chosen = meetingForRecord(meetings, now);
        if (!chosen) return;
        expect(Date.parse(chosen.startsAt) - CHECK_IN_OPENS_BEFORE_MINUTES * MINUTE).toBeLessThanOrEqual(
          now.getTime(),
        );
        expect(isRecordOpen(chosen, now)).toBe(true);
        const laterOpen = meetings.filter(
          (m) =>
            m.status === 'scheduled' &&
            Date.parse(m.startsAt) > Date.parse(chosen.startsAt) &&
            Date.parse(m.startsAt) - CHECK_IN_OPENS_BEFORE_MINUTES * MINUTE <= now.getTime() &&
            isRecordOpen(m, now),
        );
        expect(laterOpen).toEqual([]);
      }),
    );
  });
});
