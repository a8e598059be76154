import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/core/ids.js';
import { addDays, weekdayIndex } from '../../src/core/todo/localDates.js';
import { opensDatePhrase, parseWhen, type WhenContext } from '../../src/core/todo/parseWhen.js';

/** Monday 23 November 2026, 04:00 in Los Angeles. */
const ctx: WhenContext = {
  now: new Date('2026-11-23T12:00:00.000Z'),
  timeZone: 'America/Los_Angeles',
  nextMeetingDate: '2026-11-26' as LocalDate,
};
const dateOf = (phrase: string, c: WhenContext = ctx) => {
  const r = parseWhen(phrase, c);
  return r.kind === 'date' ? r.date : r.kind;
};

describe('reading when an action item is due', () => {
  it.each([
    ['2026-12-07', '2026-12-07'],
    ['2026-12-7', '2026-12-07'],
    ['Dec 7', '2026-12-07'],
    ['December 7th', '2026-12-07'],
    ['dec 7, 2027', '2027-12-07'],
    ['7 Dec', '2026-12-07'],
    ['Sept 3', '2027-09-03'],
    ['Nov 23', '2026-11-23'],
    ['Nov 22', '2027-11-22'],
    ['today', '2026-11-23'],
    ['tomorrow', '2026-11-24'],
    ['Tomorrow.', '2026-11-24'],
    ['thursday', '2026-11-26'],
    ['this thursday', '2026-11-26'],
    ['on thursday', '2026-11-26'],
    // Next week's Thursday, not the one three days away.
    ['next thursday', '2026-12-03'],
    ['next Thu', '2026-12-03'],
    ['monday', '2026-11-30'],
    ['this monday', '2026-11-23'],
    ['next monday', '2026-11-30'],
    ['next sunday', '2026-12-06'],
    ['in 3 days', '2026-11-26'],
    ['in 2 weeks', '2026-12-07'],
    ['next meeting', '2026-11-26'],
  ])('reads %j as %s', (phrase, expected) => {
    expect(dateOf(phrase)).toBe(expected);
  });

  it('reads “next <weekday>” as that day of next week, whatever day it is typed', () => {
    const on = (now: string) => ({ ...ctx, now: new Date(now), timeZone: 'UTC' });
    // Typed on Tuesday 24 Nov: Thursday 3 Dec, nine days later; plain “thursday” is the 26th.
    expect(dateOf('next thursday', on('2026-11-24T12:00:00Z'))).toBe('2026-12-03');
    expect(dateOf('thursday', on('2026-11-24T12:00:00Z'))).toBe('2026-11-26');
    // On Friday 27 Nov, next week's Thursday is six days away.
    expect(dateOf('next thursday', on('2026-11-27T12:00:00Z'))).toBe('2026-12-03');
    // On Thursday itself: a week later; “this thursday” is today.
    expect(dateOf('next thursday', on('2026-11-26T12:00:00Z'))).toBe('2026-12-03');
    expect(dateOf('this thursday', on('2026-11-26T12:00:00Z'))).toBe('2026-11-26');
  });

  it('keeps the weekday rules for every day and weekday (property)', () => {
    const names = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    const monday = (d: LocalDate) => addDays(d, -weekdayIndex(d));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 6 }), (offset, target) => {
        const today = addDays('2026-01-05' as LocalDate, offset);
        const c = { ...ctx, now: new Date(`${today}T12:00:00Z`), timeZone: 'UTC' };
        const read = (q: string) => dateOf(`${q}${names[target]}`, c) as LocalDate;
        for (const q of ['', 'this ', 'next ']) expect(weekdayIndex(read(q))).toBe(target);
        const ahead = (d: LocalDate) => (Date.parse(d) - Date.parse(today)) / 86_400_000;
        expect(ahead(read(''))).toBeGreaterThanOrEqual(1);
        expect(ahead(read(''))).toBeLessThanOrEqual(7);
        expect(ahead(read('this '))).toBeGreaterThanOrEqual(0);
        expect(ahead(read('this '))).toBeLessThanOrEqual(6);
        // “next” is always in the week after today's.
        expect(monday(read('next '))).toBe(addDays(monday(today), 7));
      }),
    );
  });

  it('reads “yesterday” so that it is refused as past', () => {
    expect(parseWhen('yesterday', ctx)).toMatchObject({
      kind: 'invalid',
      message: /`yesterday` \(2026-11-22\) is in the past/,
    });
  });

  it('tells words meant as a time from ordinary text after “by”', () => {
    for (const phrase of [
      'yesterday',
      'next week',
      'end of month',
      'eod',
      'this weekend',
      'in a week',
      'friday the 13th',
      '12th of never',
      'Tonight',
    ]) {
      expect(opensDatePhrase(phrase), phrase).toBe(true);
    }
    for (const phrase of [
      'email',
      'the next release',
      'the TOC',
      'end users',
      'hand',
      'next release',
      'in person',
    ]) {
      expect(opensDatePhrase(phrase), phrase).toBe(false);
    }
  });

  it('counts from today in the group’s zone, not UTC', () => {
    // 03:00 UTC on the 24th is still the evening of the 23rd in Los Angeles…
    const lateInLosAngeles = { ...ctx, now: new Date('2026-11-24T03:00:00.000Z') };
    expect(dateOf('tomorrow', lateInLosAngeles)).toBe('2026-11-24');
    // …and already the 24th in Berlin.
    expect(dateOf('tomorrow', { ...lateInLosAngeles, timeZone: 'Europe/Berlin' })).toBe('2026-11-25');
  });

  it('refuses 12/7 as ambiguous and says how to write it', () => {
    const r = parseWhen('12/7', ctx);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toMatch(/could be Dec 7 or Jul 12.*YYYY-MM-DD/);
    expect(parseWhen('7.12.2026', ctx).kind).toBe('invalid');
  });

  it('refuses dates in the past and more than two years ahead', () => {
    expect(parseWhen('2026-11-22', ctx)).toMatchObject({ kind: 'invalid', message: /in the past/ });
    expect(dateOf('2028-11-23')).toBe('2028-11-23');
    expect(parseWhen('2028-11-24', ctx)).toMatchObject({ kind: 'invalid', message: /more than 2 years/ });
  });

  it('refuses days that do not exist', () => {
    expect(parseWhen('2026-02-30', ctx)).toMatchObject({ kind: 'invalid', message: /not a day/ });
    expect(parseWhen('Nov 31', ctx)).toMatchObject({ kind: 'invalid' });
  });

  it('says so when “next meeting” names no meeting', () => {
    const r = parseWhen('next meeting', { ...ctx, nextMeetingDate: undefined });
    expect(r).toMatchObject({ kind: 'invalid', message: /No upcoming meeting/ });
  });

  it('leaves words that are no date for the caller to read as text', () => {
    for (const phrase of ['email', 'the next release', 'hand', 'next week-ish']) {
      expect(parseWhen(phrase, ctx).kind).toBe('not-a-date');
    }
  });

  it('never echoes markup from what it could not read', () => {
    const r = parseWhen('12/7 <!channel>', ctx);
    expect(JSON.stringify(r)).not.toContain('<!channel>');
  });
});
