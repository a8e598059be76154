import { zonedWallClock } from './zonedWallClock.js';

/**
 * Formats an instant as wall time in a zone, with the few date-fns patterns gavel's messages
 * use (EEEE EEE d dd MMMM MMM MM yyyy HH mm zzz, and 'quoted' literals), in English.
 *
 * Why not date-fns-tz's formatInTimeZone: it imports the whole of date-fns from its root
 * (about 300 modules) for one option, which cost the app's start 175 ms and 17 MB of its idle
 * memory. Intl already knows every zone's wall time and short name; this only lays them out.
 * date-fns-tz stays the reference: a property test checks this against it.
 */
export function formatZoned(instant: Date, timeZone: string, pattern: string): string {
  const parts = wallParts(instant, timeZone);
  return pattern.replace(TOKENS, (token) => {
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    const render = RENDER[token];
    if (!render) throw new Error(`formatZoned: unsupported token ${token}`);
    return render(parts);
  });
}

/** Quoted literals first, then the longest token of each letter; any other letters are refused. */
const TOKENS = /'(?:[^']|'')*'|EEEE|EEE|MMMM|MMM|MM|yyyy|dd|d|HH|mm|zzz|[A-Za-z]+/g;

interface WallParts {
  readonly weekdayLong: string;
  readonly weekdayShort: string;
  readonly monthLong: string;
  readonly monthShort: string;
  readonly month: number;
  readonly day: number;
  readonly year: number;
  readonly hour: number;
  readonly minute: number;
  readonly zone: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const RENDER: Readonly<Record<string, (p: WallParts) => string>> = {
  EEEE: (p) => p.weekdayLong,
  EEE: (p) => p.weekdayShort,
  MMMM: (p) => p.monthLong,
  MMM: (p) => p.monthShort,
  MM: (p) => pad2(p.month),
  yyyy: (p) => String(p.year).padStart(4, '0'),
  dd: (p) => pad2(p.day),
  d: (p) => String(p.day),
  HH: (p) => pad2(p.hour),
  mm: (p) => pad2(p.minute),
  zzz: (p) => p.zone,
};

const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function wallParts(instant: Date, timeZone: string): WallParts {
  const { year, month, day, hour, minute, zoneName } = zonedWallClock(timeZone, instant);
  // The weekday of a wall date does not depend on the zone: compute it on the UTC calendar.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const weekdayLong = WEEKDAYS_LONG[weekday] ?? '';
  const monthLong = MONTHS_LONG[month - 1] ?? '';
  return {
    weekdayLong,
    weekdayShort: weekdayLong.slice(0, 3),
    monthLong,
    monthShort: monthLong.slice(0, 3),
    month,
    day,
    year,
    hour,
    minute,
    zone: zoneName,
  };
}
