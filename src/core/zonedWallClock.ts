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
    zoneName: fields.get('timeZoneName') ?? timeZone,
  };
}
