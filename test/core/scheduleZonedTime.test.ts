import { describe, expect, it } from 'vitest';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import { instantToLocal, localToInstant } from '../../src/core/schedule/zonedTime.js';

const instant = (date: string, time: string, zone: string) =>
  localToInstant(date as LocalDate, time as LocalTime, zone).toISOString();

describe('localToInstant', () => {
  it('reads an ordinary wall time with the zone’s offset on that date', () => {
    expect(instant('2026-01-15', '09:00', 'America/Los_Angeles')).toBe('2026-01-15T17:00:00.000Z');
    expect(instant('2026-07-16', '09:00', 'America/Los_Angeles')).toBe('2026-07-16T16:00:00.000Z');
    expect(instant('2026-07-16', '09:00', 'UTC')).toBe('2026-07-16T09:00:00.000Z');
  });

  describe('a wall time in a spring-forward gap moves forward by the length of the gap', () => {
    it.each([
      ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'], // 03:30 EDT
      ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z'], // 03:00 EDT
      ['America/Los_Angeles', '2026-03-08', '02:30', '2026-03-08T10:30:00.000Z'], // 03:30 PDT
      ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // 03:30 CEST
      ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00.000Z'], // 02:45 +11:00
    ])('%s %s %s → %s', (zone, date, time, expected) => {
      expect(instant(date, time, zone)).toBe(expected);
    });
  });

  describe('a wall time in a fall-back overlap is its first (earlier, daylight-time) instant', () => {
    it.each([
      ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // EDT, not EST
      ['America/Los_Angeles', '2026-11-01', '01:30', '2026-11-01T08:30:00.000Z'], // PDT
      ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'], // CEST
      ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'], // +11:00
    ])('%s %s %s → %s', (zone, date, time, expected) => {
      expect(instant(date, time, zone)).toBe(expected);
    });
  });

  it('the wall times just around a transition resolve to the instants a clock shows them', () => {
    expect(instant('2026-11-01', '00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
    expect(instant('2026-11-01', '02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
    expect(instant('2026-03-08', '01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(instant('2026-03-08', '03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('a zone without DST (Asia/Kolkata, +05:30) never moves a time', () => {
    expect(instant('2026-03-08', '02:30', 'Asia/Kolkata')).toBe('2026-03-07T21:00:00.000Z');
    expect(instant('2026-11-01', '01:30', 'Asia/Kolkata')).toBe('2026-10-31T20:00:00.000Z');
    expect(instant('2026-07-01', '00:00', 'Asia/Kolkata')).toBe('2026-06-30T18:30:00.000Z');
  });

  it('rejects an unknown zone', () => {
    expect(() => instant('2026-03-08', '02:30', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('instantToLocal', () => {
  it('gives the date, minute and weekday in the zone', () => {
    expect(instantToLocal(new Date('2026-03-12T16:00:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2026-03-12',
      time: '09:00',
      weekday: 'thursday',
    });
    expect(instantToLocal(new Date('2026-03-12T20:00:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-03-13',
      time: '01:30',
      weekday: 'friday',
    });
  });

  it('shows both instants of an overlap as the same wall time', () => {
    const a = instantToLocal(new Date('2026-11-01T05:30:00Z'), 'America/New_York');
    const b = instantToLocal(new Date('2026-11-01T06:30:00Z'), 'America/New_York');
    expect(a).toEqual({ date: '2026-11-01', time: '01:30', weekday: 'sunday' });
    expect(b).toEqual(a);
  });

  it('round-trips with localToInstant outside gaps', () => {
    const at = localToInstant('2026-10-04' as LocalDate, '02:45' as LocalTime, 'Australia/Lord_Howe');
    expect(instantToLocal(at, 'Australia/Lord_Howe')).toEqual({
      date: '2026-10-04',
      time: '02:45',
      weekday: 'sunday',
    });
  });
});
