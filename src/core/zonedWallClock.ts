/** The wall clock of a zone at an instant, as the runtime's tz database (through Intl) has it. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The zone's short name at that instant: `PST`, `GMT+2`. */
  readonly zoneName: string;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // Throws RangeError for a zone the runtime does not know.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function zonedWallClock(timeZone: string, instant: Date | number): WallClock {
  const fields = new Map(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const num = (type: Intl.DateTimeFormatPartTypes) => Number(fields.get(type));
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    // Some runtimes write midnight as 24 even with h23.
    hour: num('hour') % 24,
    minute: num('minute'),
    second: num('second'),
    zoneName: commonName(timeZone, instant, fields.get('timeZoneName') ?? timeZone),
  };
}

/**
 * English locales that know a zone's common abbreviation where en-US only has an offset:
 * en-GB has CET/CEST, BST, WET, EET; en-IN has IST; en-AU and en-NZ their own; en-SG SGT.
 */
const ABBREVIATING_LOCALES = ['en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-SG'] as const;
const OFFSET_ONLY = /^(?:GMT|UTC)[+-]/;
/** Per zone, the formatter of the locale that abbreviates it (null: none does). */
const abbreviators = new Map<string, Intl.DateTimeFormat | null>();

const shortName = (format: Intl.DateTimeFormat, instant: Date | number) =>
  format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';

/**
 * `CET` rather than `GMT+1`, `IST` rather than `GMT+5:30`: the name people use, where some
 * English locale has one for the zone in winter and in summer alike; otherwise the offset.
 */
function commonName(timeZone: string, instant: Date | number, usName: string): string {
  if (!OFFSET_ONLY.test(usName)) return usName;
  let format = abbreviators.get(timeZone);
  if (format === undefined) {
    const probes = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)];
    format =
      ABBREVIATING_LOCALES.map(
        (locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
      ).find((f) => probes.every((p) => !OFFSET_ONLY.test(shortName(f, p)))) ?? null;
    abbreviators.set(timeZone, format);
  }
  if (!format) return usName;
  const name = shortName(format, instant);
  return OFFSET_ONLY.test(name) ? usName : name;
}
