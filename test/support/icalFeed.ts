import ICAL from 'ical.js';

/** Parses a feed with ical.js (an independent implementation) and registers its zones. */
export function parseFeed(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

/** Every start the feed's events produce in [from, to), expanded by ical.js, sorted. */
export function expandedStarts(text: string, from: Date, to: Date): string[] {
  const end = ICAL.Time.fromJSDate(to, true);
  const starts: string[] = [];
  for (const vevent of parseFeed(text).getAllSubcomponents('vevent')) {
    const iterator = new ICAL.Event(vevent).iterator();
    // ical.js's types say next() always yields a Time; it returns null once a series ends.
    const advance = () => iterator.next() as ICAL.Time | null;
    for (let next = advance(); next && next.compare(end) < 0; next = advance()) {
      const start = next.toJSDate();
      if (start >= from) starts.push(start.toISOString());
    }
  }
  return starts.sort();
}
