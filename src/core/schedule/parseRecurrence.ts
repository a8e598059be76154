import type { Recurrence, RecurrenceDay, RecurrenceFrequency } from './recurrence.js';

/** An RRULE's UNTIL, as written: a date, a UTC date-time (…Z) or a floating local date-time. */
export type RecurrenceUntil =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'utc'; readonly at: Date }
  | { readonly kind: 'local'; readonly date: string; readonly time: string };

export type ParsedRecurrence =
  | { readonly ok: true; readonly recurrence: Recurrence; readonly until: RecurrenceUntil | undefined }
  | { readonly ok: false; readonly problem: string };

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const TIME_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
const UNSUPPORTED = ['BYYEARDAY', 'BYWEEKNO', 'RSCALE', 'SKIP'];
const MAX_COUNT = 1000;

class Refused extends Error {}
const refuse = (why: string): never => {
  throw new Refused(why);
};

/**
 * Reads an RFC 5545 RRULE value (`FREQ=MONTHLY;BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29`,
 * an optional `RRULE:` in front). The subset: FREQ DAILY, WEEKLY or MONTHLY; INTERVAL; BYDAY
 * (ordinals like 2TU or -1FR with MONTHLY, not beside BYMONTHDAY); BYMONTHDAY (−1 … −31 from the
 * month's end, not beside BYDAY); BYMONTH; BYSETPOS (MONTHLY with plain BYDAY, no BYMONTH);
 * COUNT; UNTIL; WKST. YEARLY is refused: MONTHLY with BYMONTH says the same. A meeting's time
 * of day comes from its `time`, so the sub-daily frequencies and BYHOUR/BYMINUTE/BYSECOND,
 * which would give more than one meeting a day, are refused, as are BYYEARDAY and BYWEEKNO. The problem names the part at fault.
 */
export function parseRecurrence(text: string): ParsedRecurrence {
  try {
    return parseParts(text.trim().replace(/^RRULE:/i, ''));
  } catch (e) {
    if (e instanceof Refused) return { ok: false, problem: e.message };
    throw e;
  }
}

function parseParts(text: string): ParsedRecurrence {
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(part.trim());
    if (!match) refuse(`"${part}" is not NAME=VALUE (parts are separated by ;)`);
    const [, rawName, value] = match!;
    const name = rawName!.toUpperCase();
    if (parts.has(name)) refuse(`${name} is given twice`);
    parts.set(name, value!.toUpperCase());
  }
  for (const name of parts.keys()) {
    if (TIME_PARTS.includes(name)) {
      refuse(`${name} is not supported: a meeting happens once a day, at its time: (or times:)`);
    }
    if (UNSUPPORTED.includes(name)) refuse(`${name} is not supported`);
    if (
      !['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL', 'WKST'].includes(
        name,
      )
    ) {
      refuse(`${name} is not an RRULE part`);
    }
  }
  const freqText = parts.get('FREQ') ?? refuse('FREQ is missing (DAILY, WEEKLY or MONTHLY)');
  if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freqText)) {
    refuse(`FREQ=${freqText} is not supported: a meeting happens at most once a day`);
  }
  if (freqText === 'YEARLY') {
    // ical.js, the reference gavel's expansion is tested against, gets YEARLY wrong with days
    // from the month's end, repeated weekdays (BYDAY=SA,1SA) and BYMONTH lists: MONTHLY with
    // BYMONTH says the same thing without those doubts.
    refuse(
      'FREQ=YEARLY is not supported: write FREQ=MONTHLY with BYMONTH (for example FREQ=MONTHLY;BYMONTH=3;BYDAY=2TU)',
    );
  }
  if (!FREQUENCIES.includes(freqText)) refuse(`FREQ=${freqText}: expected DAILY, WEEKLY or MONTHLY`);
  const freq = freqText as RecurrenceFrequency;

  const interval = integer(parts, 'INTERVAL', 1, 99) ?? 1;
  const byDay = list(parts, 'BYDAY').map((v) => weekdayOf(v, freq));
  const ascending = (a: number, b: number) => a - b;
  const byMonthDay = list(parts, 'BYMONTHDAY')
    .map((v) => signedInteger('BYMONTHDAY', v, 31))
    .sort(ascending);
  const byMonth = list(parts, 'BYMONTH')
    .map((v) => boundedInteger('BYMONTH', v, 1, 12))
    .sort(ascending);
  const bySetPos = list(parts, 'BYSETPOS').map((v) => signedInteger('BYSETPOS', v, 366));
  const count = integer(parts, 'COUNT', 1, MAX_COUNT);
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !DAYS.includes(wkst))
    refuse(`WKST=${wkst}: expected MO, TU, WE, TH, FR, SA or SU`);
  const until = parts.has('UNTIL') ? untilOf(parts.get('UNTIL')!) : undefined;
  if (count !== undefined && until !== undefined) refuse('COUNT and UNTIL cannot both be given');

  if (freq === 'WEEKLY' && byDay.length === 0) refuse('FREQ=WEEKLY needs BYDAY (for example BYDAY=TU)');
  if (freq === 'DAILY' && byMonthDay.some((n) => n < 0)) {
    refuse('BYMONTHDAY from the end of the month (-1) needs FREQ=MONTHLY');
  }
  if (freq === 'WEEKLY' && byMonthDay.length > 0) refuse('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (freq === 'MONTHLY' && byDay.length === 0 && byMonthDay.length === 0) {
    refuse('FREQ=MONTHLY needs BYDAY or BYMONTHDAY (gavel does not take the day from a start date)');
  }
  // BYDAY and BYMONTHDAY together mean "both": calendar apps (ical.js among them) get ordinals
  // and days from the month's end wrong there, so only plain weekdays and days 1-31 are taken.
  if (byDay.length > 0 && byMonthDay.length > 0) {
    const ordinal = byDay.find((d) => d.nth !== undefined);
    if (ordinal !== undefined) {
      refuse(
        `BYDAY=${ordinal.nth}${DAYS[ordinal.weekday]} with BYMONTHDAY: an ordinal cannot be combined with BYMONTHDAY; write plain weekdays (BYDAY=WE;BYMONTHDAY=23,24,25,26,27,28,29)`,
      );
    }
    const fromEnd = byMonthDay.find((n) => n < 0);
    if (fromEnd !== undefined) {
      refuse(
        `BYMONTHDAY=${fromEnd} with BYDAY: days counted from the month's end cannot be combined with BYDAY`,
      );
    }
  }
  // With a BYMONTH list and more than one day a month, ical.js repeats or drops months
  // ("every Monday of January and October"); one day a month it gets right.
  const oneDayAMonth =
    (byMonthDay.length === 1 && byDay.length === 0) ||
    (byMonthDay.length === 0 && byDay.length === 1 && byDay[0]!.nth !== undefined);
  if (freq === 'MONTHLY' && byMonth.length > 1 && !oneDayAMonth) {
    refuse(
      `BYMONTH=${byMonth.join(',')}: with several months a MONTHLY rule names one day a month (BYMONTHDAY=15, or BYDAY=2TU); for every such weekday of those months write FREQ=WEEKLY with BYMONTH, otherwise one meeting per month`,
    );
  }
  // Calendar apps disagree about BYSETPOS elsewhere (ical.js ignores it in WEEKLY and without
  // BYDAY, and skips months with BYMONTH).
  if (bySetPos.length > 0 && (freq !== 'MONTHLY' || byDay.length === 0)) {
    refuse('BYSETPOS is supported with FREQ=MONTHLY and BYDAY only');
  }
  if (bySetPos.length > 0 && byMonth.length > 0) refuse('BYSETPOS cannot be combined with BYMONTH');
  if (bySetPos.length > 0 && (byMonthDay.length > 0 || byDay.some((d) => d.nth !== undefined))) {
    refuse(
      'BYSETPOS picks among plain weekdays (BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1), without BYMONTHDAY or ordinals like 2TU',
    );
  }

  return {
    ok: true,
    recurrence: {
      freq,
      interval,
      byDay,
      byMonthDay,
      byMonth,
      bySetPos,
      count,
      weekStart: wkst === undefined ? 0 : DAYS.indexOf(wkst),
    },
    until,
  };
}

function list(parts: Map<string, string>, name: string): string[] {
  const value = parts.get(name);
  if (value === undefined) return [];
  const items = value.split(',');
  if (items.some((item) => item === '')) refuse(`${name}=${value}: an empty item in the list`);
  return [...new Set(items)];
}

function integer(parts: Map<string, string>, name: string, min: number, max: number): number | undefined {
  const value = parts.get(name);
  return value === undefined ? undefined : boundedInteger(name, value, min, max);
}

function boundedInteger(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) refuse(`${name}=${value}: expected a whole number from ${min} to ${max}`);
  return n;
}

/** ±1…±max, not 0. */
function signedInteger(name: string, value: string, max: number): number {
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!(n !== 0 && Math.abs(n) <= max)) refuse(`${name}=${value}: expected 1 to ${max} or -1 to -${max}`);
  return n;
}

function weekdayOf(value: string, freq: RecurrenceFrequency): RecurrenceDay {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(value);
  const weekday = match ? DAYS.indexOf(match[2]!) : -1;
  if (!match || weekday < 0)
    refuse(
      `BYDAY=${value}: expected MO, TU, WE, TH, FR, SA or SU, optionally with an ordinal like 2TU or -1FR`,
    );
  if (match![1] === undefined) return { weekday, nth: undefined };
  const nth = Number(match![1]);
  if (freq !== 'MONTHLY') refuse(`BYDAY=${value}: an ordinal needs FREQ=MONTHLY`);
  if (nth === 0 || Math.abs(nth) > 5)
    refuse(`BYDAY=${value}: the ordinal is 1 to 5 or -1 to -5 (within the month)`);
  return { weekday, nth };
}

function untilOf(value: string): RecurrenceUntil {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  const [, y, mo, d, h, mi, s, z] = match ?? refuse(`UNTIL=${value}: expected YYYYMMDD or YYYYMMDDTHHMMSSZ`);
  const date = `${y}-${mo}-${d}`;
  const check = new Date(`${date}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date || Number(h ?? 0) > 23) {
    refuse(`UNTIL=${value}: not a real date and time`);
  }
  if (h === undefined) return { kind: 'date', date };
  if (z === 'Z') return { kind: 'utc', at: check };
  return { kind: 'local', date, time: `${h}:${mi}` };
}

/** The RRULE value of a recurrence (COUNT and UNTIL left to the caller). */
export function recurrenceRuleText(rec: Recurrence): string {
  const ordinal = (d: RecurrenceDay) => `${d.nth ?? ''}${DAYS[d.weekday]}`;
  return [
    `FREQ=${rec.freq}`,
    ...(rec.interval > 1 ? [`INTERVAL=${rec.interval}`] : []),
    ...(rec.byMonth.length > 0 ? [`BYMONTH=${rec.byMonth.join(',')}`] : []),
    ...(rec.byMonthDay.length > 0 ? [`BYMONTHDAY=${rec.byMonthDay.join(',')}`] : []),
    ...(rec.byDay.length > 0 ? [`BYDAY=${rec.byDay.map(ordinal).join(',')}`] : []),
    ...(rec.bySetPos.length > 0 ? [`BYSETPOS=${rec.bySetPos.join(',')}`] : []),
    ...(rec.weekStart !== 0 ? [`WKST=${DAYS[rec.weekStart]}`] : []),
  ].join(';');
}
