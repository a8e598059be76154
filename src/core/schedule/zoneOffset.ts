/**
 * A zone's UTC offset at an instant, read from the runtime's tz database through Intl.
 *
 * Not date-fns-tz's getTimezoneOffset: that one reads its Date argument's fields in the
 * machine's zone as a wall time (for America/New_York it answers -5 h at 2026-11-01T05:30Z,
 * an instant still in EDT), so it depends on TZ and is wrong near transitions.
 */
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
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Offset in ms (positive east of Greenwich) of `timeZone` at the instant `instantMs`. */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? NaN,
    (fields.month ?? NaN) - 1,
    fields.day ?? NaN,
    (fields.hour ?? NaN) % 24,
    fields.minute ?? NaN,
    fields.second ?? NaN,
  );
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wall - wholeSecond;
}
