import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { type LocalDate, parseLocalDate } from '../core/ids.js';

/**
 * `skip_holidays:` regions and their public holidays, from date-holidays (its data ships in
 * the package: nothing is fetched). The core never sees the library: the groups file's
 * reading turns a region list into plain dates and names (Group.cancelled, cancelReasons).
 */

/** How many years before and after the file is read its holidays are worked out for. */
const YEARS_BEFORE = 1;
const YEARS_AFTER = 3;

let library: typeof Holidays | undefined;
/**
 * The library, loaded on first use: its data costs about 0.2 s and 25 MB at start, which a
 * groups file without `skip_holidays` (and every process reading one) should not pay.
 */
const holidaysLibrary = (): typeof Holidays =>
  (library ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);

let catalogued: Holidays | undefined;
const catalogue = (): Holidays => (catalogued ??= new (holidaysLibrary())());

/** The library's lists are undefined for a code it does not know, whatever its types say. */
type Names = Readonly<Record<string, string>> | undefined;

/** `US`, `DE-BY`, `GB-SCT`, `DE-BY-A`: a country, then its state and region as date-holidays names them. */
export function holidayRegionProblem(code: string): string | undefined {
  const [country = '', state, region, ...rest] = code.split('-');
  const fix = 'expected a country code like US or GB, or a state like DE-BY (ISO 3166)';
  if (rest.length > 0 || !/^[A-Z]{2}$/.test(country)) return `${code}: ${fix}`;
  if ((catalogue().getCountries() as Names)?.[country] === undefined) {
    return `${code}: no public holidays are known for the country ${country}; ${fix}`;
  }
  if (state === undefined) return undefined;
  const states = (catalogue().getStates(country) as Names) ?? {};
  if (states[state] === undefined) {
    const known = Object.keys(states);
    const hint = known.length === 0 ? `${country} has none` : `known: ${known.join(', ')}`;
    return `${code}: ${state} is not a state of ${country} (${hint})`;
  }
  if (region === undefined) return undefined;
  const regions = (catalogue().getRegions(country, state) as Names) ?? {};
  if (regions[region] === undefined) return `${code}: ${region} is not a region of ${country}-${state}`;
  return undefined;
}

const calendars = new Map<string, Holidays>();

/** One region's calendar, its names in English where the data has them (else its own language). */
function calendarOf(code: string): Holidays {
  let calendar = calendars.get(code);
  if (!calendar) {
    const [country, state, region] = code.split('-') as [string, string?, string?];
    calendar = new (holidaysLibrary())(country, state ?? '', region ?? '', {
      languages: ['en'],
      types: ['public'],
    });
    calendars.set(code, calendar);
  }
  return calendar;
}

/**
 * The public holidays of any of `regions` (checked by holidayRegionProblem) in the years around
 * `now`, by local date; a date that is a holiday in several regions carries each distinct name.
 * Substitute days count ("Independence Day (substitute day)"): offices close on them.
 */
export function publicHolidays(regions: readonly string[], now: Date): Map<LocalDate, string> {
  const year = now.getUTCFullYear();
  const names = new Map<LocalDate, string[]>();
  for (const code of regions) {
    for (let y = year - YEARS_BEFORE; y <= year + YEARS_AFTER; y++) {
      for (const h of calendarOf(code).getHolidays(y)) {
        // Only public holidays: banks' half days and observances (Christmas Eve in Germany,
        // Mother's Day) are not days off for everyone.
        if (h.type !== 'public') continue;
        const date = parseLocalDate(h.date.slice(0, 10));
        if (date === undefined) continue;
        const seen = names.get(date) ?? [];
        if (!seen.includes(h.name)) names.set(date, [...seen, h.name]);
      }
    }
  }
  return new Map([...names].map(([date, all]) => [date, all.join(' / ')]));
}
