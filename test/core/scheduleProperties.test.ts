import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Frequency, MeetingRule, NthWeekday, Weekday } from '../../src/core/group.js';
import { WEEKDAYS } from '../../src/core/group.js';
import type { LocalDate, LocalTime } from '../../src/core/ids.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';
import { instantToLocal, localToInstant } from '../../src/core/schedule/zonedTime.js';

/*
 * Luxon is the independent reference. Verified with luxon 3.7: for a wall time in a gap,
 * DateTime.fromObject moves it forward by the gap's length (gavel's rule too); for a wall time
 * in an overlap it does NOT consistently pick the earlier instant (America/New_York and
 * Europe/Berlin get the later, standard-time one; Australia/Lord_Howe the earlier). So the
 * reference takes the earliest of getPossibleOffsets() for overlaps.
 */

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/St_Johns',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Africa/Cairo',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
] as const;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2040, 11, 31) / DAY_MS;

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` as LocalTime;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** 0 = Monday, as in WEEKDAYS. */
const weekdayIndex = (day: number) => (new Date(day * DAY_MS).getUTCDay() + 6) % 7;

function luxonWall(date: string, time: string, zone: string): DateTime {
  return DateTime.fromObject(
    {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
      hour: Number(time.slice(0, 2)),
      minute: Number(time.slice(3, 5)),
    },
    { zone },
  );
}

const existsInZone = (dt: DateTime, date: string, time: string) =>
  dt.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;

/** The instant Luxon gives gavel's rule: gap → forward by the gap, overlap → earlier instant. */
function referenceInstant(date: string, time: string, zone: string): number {
  const dt = luxonWall(date, time, zone);
  if (!existsInZone(dt, date, time)) return dt.toMillis();
  return Math.min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
}

interface Transition {
  readonly at: number;
  readonly before: number;
}

const transitionCache = new Map<string, Transition[]>();

/** Offset changes of a zone in a year, found with Luxon (to the minute). */
function transitions(zone: string, year: number): Transition[] {
  const key = `${zone}:${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const found: Transition[] = [];
  const start = Date.UTC(year, 0, 1);
  // Weekly steps: no zone changes its offset twice within a week in 2000–2040.
  for (let ms = start; ms < Date.UTC(year + 1, 0, 1); ms += 7 * DAY_MS) {
    const before = offset(ms);
    if (offset(ms + 7 * DAY_MS) === before) continue;
    let [lo, hi] = [ms, ms + 7 * DAY_MS];
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before: before * MINUTE_MS });
  }
  transitionCache.set(key, found);
  return found;
}

const zoneArb = fc.constantFrom(...ZONES);
const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
// Early-morning hours are where transitions happen, so they are drawn more often.
const minuteOfDayArb = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 239 }));

describe('localToInstant against Luxon', () => {
  it('agrees on wall times within three hours of a transition, in every zone, 2000–2040', () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({ min: 2000, max: 2040 }),
        fc.nat(),
        fc.integer({ min: -180, max: 180 }),
        (zone, year, pick, delta) => {
          const list = transitions(zone, year);
          const transition = list[pick % Math.max(1, list.length)];
          const wallMs = transition
            ? transition.at + transition.before + delta * MINUTE_MS
            : Date.UTC(year, 5, 15, 12) + delta * MINUTE_MS;
          const date = new Date(wallMs).toISOString().slice(0, 10);
          const time = new Date(wallMs).toISOString().slice(11, 16);
          const ours = localToInstant(date as LocalDate, time as LocalTime, zone).getTime();
          expect(new Date(ours).toISOString()).toBe(
            new Date(referenceInstant(date, time, zone)).toISOString(),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees on any date and time', () => {
    fc.assert(
      fc.property(zoneArb, dayArb, minuteOfDayArb, (zone, day, minutes) => {
        const [date, time] = [isoDay(day), hhmm(minutes)];
        expect(localToInstant(date, time, zone).getTime()).toBe(referenceInstant(date, time, zone));
      }),
      { numRuns: 200 },
    );
  });

  it('instantToLocal shows what Luxon shows for any instant', () => {
    fc.assert(
      fc.property(zoneArb, fc.integer({ min: FIRST_DAY * 1440, max: LAST_DAY * 1440 }), (zone, minute) => {
        const at = new Date(minute * MINUTE_MS);
        const dt = DateTime.fromMillis(at.getTime(), { zone });
        const weekday = WEEKDAYS[dt.weekday - 1];
        expect(instantToLocal(at, zone)).toEqual({
          date: dt.toFormat('yyyy-MM-dd'),
          time: dt.toFormat('HH:mm'),
          weekday,
        });
      }),
      { numRuns: 200 },
    );
  });
});

interface Case {
  readonly zone: string;
  readonly rule: MeetingRule;
  readonly firstDay: number;
  readonly spanDays: number;
}

const nthArb: fc.Arbitrary<NthWeekday> = fc.constantFrom<NthWeekday>(1, 2, 3, 4, 'last');
const weekdayArb: fc.Arbitrary<Weekday> = fc.constantFrom(...WEEKDAYS);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: zoneArb,
    weekday: weekdayArb,
    minutes: minuteOfDayArb,
    firstDay: dayArb,
    spanDays: fc.integer({ min: 1, max: 400 }),
    weekly: fc.boolean(),
    interval: fc.integer({ min: 1, max: 5 }),
    anchorBack: fc.integer({ min: -60, max: 400 }),
    nth: nthArb,
    fromBack: fc.option(fc.integer({ min: -100, max: 100 })),
    untilAhead: fc.option(fc.integer({ min: 0, max: 400 })),
  })
  .map((r) => {
    const frequency: Frequency = r.weekly
      ? {
          kind: 'weekly',
          interval: r.interval,
          anchor: r.interval > 1 ? isoDay(r.firstDay - r.anchorBack) : undefined,
        }
      : { kind: 'monthly', nth: r.nth };
    const rule: MeetingRule = {
      id: 'rule',
      title: 'Meeting',
      weekday: r.weekday,
      time: hhmm(r.minutes),
      durationMinutes: 60,
      frequency,
      from: r.fromBack === null ? undefined : isoDay(r.firstDay - r.fromBack),
      until: r.untilAhead === null ? undefined : isoDay(r.firstDay + r.untilAhead),
      joinUrl: undefined,
      dialIn: undefined,
    };
    return { zone: r.zone, rule, firstDay: r.firstDay, spanDays: r.spanDays };
  });

/** A rule that meets on the local date of a transition, near its wall time, and a window around it. */
const transitionCaseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: zoneArb,
    year: fc.integer({ min: 2000, max: 2040 }),
    pick: fc.nat(),
    delta: fc.integer({ min: -90, max: 90 }),
    monthly: fc.boolean(),
    daysBefore: fc.integer({ min: 0, max: 60 }),
    spanDays: fc.integer({ min: 62, max: 200 }),
  })
  .map((r) => {
    const list = transitions(r.zone, r.year);
    const transition = list[r.pick % Math.max(1, list.length)];
    const wallMs = transition
      ? transition.at + transition.before + r.delta * MINUTE_MS
      : Date.UTC(r.year, 5, 15, 2);
    const day = Math.floor(wallMs / DAY_MS);
    const weekday = WEEKDAYS[weekdayIndex(day)]!;
    const dom = new Date(day * DAY_MS).getUTCDate();
    const nth: NthWeekday = dom > 28 ? 'last' : (Math.ceil(dom / 7) as 1 | 2 | 3 | 4);
    const rule: MeetingRule = {
      id: 'rule',
      title: 'Meeting',
      weekday,
      time: hhmm(Math.floor((wallMs - day * DAY_MS) / MINUTE_MS)),
      durationMinutes: 60,
      frequency: r.monthly ? { kind: 'monthly', nth } : { kind: 'weekly', interval: 1, anchor: undefined },
      from: undefined,
      until: undefined,
      joinUrl: undefined,
      dialIn: undefined,
    };
    return { zone: r.zone, rule, firstDay: day - r.daysBefore, spanDays: r.spanDays };
  });

const anyCaseArb = fc.oneof(caseArb, transitionCaseArb);

function windowOf(c: Case): { from: Date; to: Date } {
  // A window that starts at an arbitrary hour, not at a midnight of the zone.
  const from = c.firstDay * DAY_MS + ((c.firstDay * 7) % 24) * 3_600_000;
  return { from: new Date(from), to: new Date(from + c.spanDays * DAY_MS) };
}

/** Does the rule meet on this date? Decided day by day, independently of the schedule code. */
function ruleMeetsOn(rule: MeetingRule, day: number): boolean {
  if (weekdayIndex(day) !== WEEKDAYS.indexOf(rule.weekday!)) return false;
  if (rule.from !== undefined && day < dayOf(rule.from)) return false;
  if (rule.until !== undefined && day > dayOf(rule.until)) return false;
  const f = rule.frequency;
  if (f.kind === 'monthly') {
    const date = new Date(day * DAY_MS);
    const dom = date.getUTCDate();
    if (f.nth === 'last') return new Date((day + 7) * DAY_MS).getUTCMonth() !== date.getUTCMonth();
    return Math.ceil(dom / 7) === f.nth;
  }
  if (f.kind !== 'weekly') throw new Error('only weekly and monthly rules are drawn here');
  if (f.anchor === undefined) return true;
  let anchor = dayOf(f.anchor);
  while (weekdayIndex(anchor) !== WEEKDAYS.indexOf(rule.weekday!)) anchor += 1;
  return day >= anchor && (day - anchor) % (7 * f.interval) === 0;
}

function referenceOccurrences(c: Case): { localDate: string; startsAt: number }[] {
  const { from, to } = windowOf(c);
  const found: { localDate: string; startsAt: number }[] = [];
  for (let day = c.firstDay - 2; day <= c.firstDay + c.spanDays + 3; day += 1) {
    if (!ruleMeetsOn(c.rule, day)) continue;
    const startsAt = referenceInstant(isoDay(day), c.rule.time, c.zone);
    if (startsAt >= from.getTime() && startsAt < to.getTime())
      found.push({ localDate: isoDay(day), startsAt });
  }
  return found;
}

const plan = (c: Case) => {
  const { from, to } = windowOf(c);
  return occurrencesBetween(
    { timeZone: c.zone, meetings: [c.rule], extraMeetings: [], cancelled: [] },
    from,
    to,
  );
};

describe('occurrences of random rules in random zones, 2000–2040', () => {
  it('are exactly the dates the rule names, at the instants Luxon gives (none skipped or doubled)', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        expect(plan(c).map((o) => ({ localDate: o.localDate, startsAt: o.startsAt.getTime() }))).toEqual(
          referenceOccurrences(c),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('fall on the rule’s weekday at its wall time, or later by the gap the time fell into', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        for (const o of plan(c)) {
          const shown = instantToLocal(o.startsAt, c.zone);
          expect(shown.weekday).toBe(c.rule.weekday);
          expect(shown.date).toBe(o.localDate);
          if (shown.time !== c.rule.time) {
            expect(existsInZone(luxonWall(o.localDate, c.rule.time, c.zone), o.localDate, c.rule.time)).toBe(
              false,
            );
            expect(minutesOf(shown.time)).toBeGreaterThan(minutesOf(c.rule.time));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('start strictly later one after another', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const starts = plan(c).map((o) => o.startsAt.getTime());
        starts.slice(1).forEach((s, i) => expect(s).toBeGreaterThan(starts[i]!));
      }),
      { numRuns: 150 },
    );
  });

  it('weekly ones are exactly 7 × interval local days apart; monthly ones in consecutive months', () => {
    fc.assert(
      fc.property(anyCaseArb, (c) => {
        const days = plan(c).map((o) => dayOf(o.localDate));
        const f = c.rule.frequency;
        days.slice(1).forEach((day, i) => {
          const previous = days[i]!;
          if (f.kind === 'weekly') {
            expect(day - previous).toBe(7 * f.interval);
          } else {
            const month = (d: number) =>
              new Date(d * DAY_MS).getUTCFullYear() * 12 + new Date(d * DAY_MS).getUTCMonth();
            expect(month(day) - month(previous)).toBe(1);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
