import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderIcsFeed, type IcsFeedInput } from '../../src/core/calendar/icsFeed.js';
import type { ExtraMeeting, MeetingRule } from '../../src/core/group.js';
import type { GroupId, LocalDate, LocalTime } from '../../src/core/ids.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';
import { expandedStarts, parseFeed } from '../support/icalFeed.js';
import { localToInstant } from '../../src/core/schedule/zonedTime.js';

const d = (s: string) => s as LocalDate;
const t = (s: string) => s as LocalTime;
const at = (iso: string) => new Date(iso);
const now = at('2026-02-01T12:00:00Z');

function rule(over: Partial<MeetingRule>): MeetingRule {
  return {
    id: 'weekly',
    title: 'Working group',
    weekday: 'thursday',
    time: t('09:00'),
    durationMinutes: 60,
    frequency: { kind: 'weekly', interval: 1, anchor: undefined },
    from: undefined,
    until: undefined,
    joinUrl: undefined,
    dialIn: undefined,
    ...over,
  };
}

function extra(over: Partial<ExtraMeeting>): ExtraMeeting {
  return {
    date: d('2026-03-16'),
    time: t('08:00'),
    title: 'Spec sprint',
    durationMinutes: 90,
    joinUrl: undefined,
    dialIn: undefined,
    ...over,
  };
}

type FeedGroup = IcsFeedInput['group'];

function group(over: Partial<FeedGroup>): FeedGroup {
  return {
    id: 'serverless' as GroupId,
    name: 'CNCF Serverless WG',
    timeZone: 'UTC',
    meetings: [],
    extraMeetings: [],
    cancelled: [],
    ...over,
  };
}

const feed = (g: FeedGroup, over: Partial<IcsFeedInput> = {}) =>
  renderIcsFeed({ group: g, added: [], cancelledStarts: [], now, host: 'gavel.example.org', ...over });

function plannedStarts(g: FeedGroup, from: Date, to: Date, extraStarts: readonly Date[] = []): string[] {
  return [
    ...occurrencesBetween(g, from, to)
      .filter((o) => !o.cancelled)
      .map((o) => o.startsAt),
    ...extraStarts,
  ]
    .map((s) => s.toISOString())
    .sort();
}

const serverless = group({
  timeZone: 'America/Los_Angeles',
  meetings: [
    rule({ title: 'CNCF Serverless WG', joinUrl: 'https://zoom.us/j/123', dialIn: '+1 555 0100, PIN 42' }),
  ],
  extraMeetings: [extra({})],
  cancelled: [d('2026-03-12')],
});

const biweekly = group({
  id: 'spec' as GroupId,
  name: 'Spec review',
  timeZone: 'Europe/Berlin',
  meetings: [
    rule({
      id: 'review',
      weekday: 'tuesday',
      time: t('17:00'),
      durationMinutes: 45,
      frequency: { kind: 'weekly', interval: 2, anchor: d('2026-01-13') },
    }),
  ],
});

const monthly = group({
  id: 'community' as GroupId,
  name: 'Community sync',
  timeZone: 'America/New_York',
  meetings: [
    rule({ id: 'sync', weekday: 'wednesday', time: t('16:00'), frequency: { kind: 'monthly', nth: 'last' } }),
    rule({
      id: 'planning',
      weekday: 'tuesday',
      time: t('10:00'),
      frequency: { kind: 'monthly', nth: 2 },
      from: d('2026-03-01'),
      until: d('2026-09-08'),
    }),
  ],
});

const YEAR = { from: now, to: at('2027-02-01T12:00:00Z') };

describe('the iCalendar feed, expanded by ical.js, lists the meetings the schedule plans', () => {
  it.each([
    ['a weekly Thursday 09:00 America/Los_Angeles with a cancelled date and an extra meeting', serverless],
    ['a biweekly Tuesday 17:00 Europe/Berlin counted from 2026-01-13', biweekly],
    ['a monthly last Wednesday, and a 2nd Tuesday with from and until (America/New_York)', monthly],
  ])('%s', (_, g) => {
    expect(expandedStarts(feed(g), YEAR.from, YEAR.to)).toEqual(plannedStarts(g, YEAR.from, YEAR.to));
  });

  it('leaves out occurrences cancelled in Slack, rule or extra, and lists meetings added there', () => {
    const cancelledStarts = [
      at('2026-03-19T16:00:00Z'),
      localToInstant(d('2026-03-16'), t('08:00'), serverless.timeZone),
    ];
    const added = [
      { startsAt: at('2026-04-01T18:30:00Z'), endsAt: at('2026-04-01T19:00:00Z'), title: 'Added' },
    ];
    const text = feed(serverless, { cancelledStarts, added });
    const expected = plannedStarts(serverless, YEAR.from, YEAR.to, [added[0]!.startsAt]).filter(
      (s) => !cancelledStarts.some((c) => c.toISOString() === s),
    );
    expect(expandedStarts(text, YEAR.from, YEAR.to)).toEqual(expected);
    expect(text).toContain('EXDATE;TZID=America/Los_Angeles:20260319T090000\r\n');
    expect(text).not.toContain('Spec sprint');
  });

  it('agrees on meetings at 01:30 and 02:30 on Sundays except on transition days, where ical.js departs from RFC 5545', () => {
    const g = group({
      timeZone: 'America/New_York',
      meetings: [
        rule({ id: 'gap', weekday: 'sunday', time: t('02:30') }),
        rule({ id: 'overlap', weekday: 'sunday', time: t('01:30') }),
      ],
    });
    // RFC 5545 §3.3.5 reads a missing 02:30 with the offset before the gap (03:30 EDT) and a
    // repeated 01:30 as the first one (EDT), as gavel does; ical.js 2 takes 01:30 EST for both.
    const transitionDays = ['2026-03-08', '2026-11-01'];
    const outside = (starts: string[]) => starts.filter((s) => !transitionDays.includes(s.slice(0, 10)));
    expect(outside(expandedStarts(feed(g), YEAR.from, YEAR.to))).toEqual(
      outside(plannedStarts(g, YEAR.from, YEAR.to)),
    );
    expect(plannedStarts(g, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toEqual([
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
    ]);
    expect(plannedStarts(g, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T07:30:00.000Z',
    ]);
  });
});

describe('the feed’s events', () => {
  const text = feed(serverless);
  const lines = text.split('\r\n');

  it('is a published Gregorian calendar named after the group', () => {
    expect(lines.slice(0, 7)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//gavel//Working group meetings//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:CNCF Serverless WG',
      'X-WR-TIMEZONE:America/Los_Angeles',
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('ends every line with CRLF and never a bare LF or CR', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('describes a rule with a TZID start, duration, recurrence, exception and stable UID', () => {
    const event = new ICAL.Event(parseFeed(text).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('weekly.serverless@gavel.example.org');
    expect(lines).toContain('DTSTART;TZID=America/Los_Angeles:20250206T090000');
    expect(lines).toContain('DURATION:PT1H');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TH');
    expect(lines).toContain('EXDATE;TZID=America/Los_Angeles:20260312T090000');
    expect(lines).toContain(`DTSTAMP:20260201T120000Z`);
    expect(event.location).toBe('https://zoom.us/j/123');
    expect(event.description).toBe('Join: https://zoom.us/j/123\nDial-in: +1 555 0100, PIN 42');
    expect(event.component.getFirstPropertyValue('url')).toBe('https://zoom.us/j/123');
  });

  it('starts a rule without `from` at its first meeting in the past year, one with `from` there', () => {
    expect(feed(monthly)).toContain('DTSTART;TZID=America/New_York:20250226T160000\r\n');
    expect(feed(monthly)).toContain('DTSTART;TZID=America/New_York:20260310T100000\r\n');
  });

  it('writes every-N-weeks, nth-weekday, last-weekday and until as RRULE parts', () => {
    expect(feed(biweekly)).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\r\n');
    expect(feed(biweekly)).toContain('DTSTART;TZID=Europe/Berlin:20260113T170000\r\n');
    expect(feed(monthly)).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1WE\r\n');
    // The end of 2026-09-08 in New York (EDT) is 03:59:59Z the next day.
    expect(feed(monthly)).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260909T035959Z\r\n');
  });

  it('gives extra and added meetings UIDs made from their start', () => {
    const added = [
      { startsAt: at('2026-04-01T18:30:00Z'), endsAt: at('2026-04-01T19:00:00Z'), title: 'Added' },
    ];
    const withAdded = feed(serverless, { added });
    expect(withAdded).toContain('UID:extra-20260316T080000.serverless@gavel.example.org\r\n');
    expect(withAdded).toContain('DTSTART;TZID=America/Los_Angeles:20260316T080000\r\nDURATION:PT1H30M\r\n');
    expect(withAdded).toContain('UID:added-20260401T183000Z.serverless@gavel.example.org\r\n');
    expect(withAdded).toContain('DTSTART:20260401T183000Z\r\nDURATION:PT30M\r\n');
  });

  it('is the same text for the same input', () => {
    expect(feed(serverless)).toBe(text);
  });

  it('leaves out a rule that ended before the year it would start in', () => {
    const ended = group({ meetings: [rule({ until: d('2024-12-31') })] });
    expect(feed(ended)).not.toContain('BEGIN:VEVENT');
  });

  it('keeps the rule, not an extra meeting, when both start at the same instant', () => {
    const both = group({
      ...serverless,
      extraMeetings: [extra({ date: d('2026-03-19'), time: t('09:00') })],
    });
    expect(feed(both)).not.toContain('UID:extra-');
  });
});

describe('text escaping and line folding', () => {
  const title = 'Spec review; API, events \\ "schemas"\nSecond line — ünïcödé 日本語 🎉 '.repeat(3);
  const text = feed(group({ meetings: [rule({ title })], name: 'Räte, Gruppe; 🎉' }));

  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:Räte\\, Gruppe\\; 🎉\r\n');
    expect(unfolded).toContain('SUMMARY:Spec review\\; API\\, events \\\\ "schemas"\\nSecond line');
  });

  it('round-trips through ical.js', () => {
    const event = new ICAL.Event(parseFeed(text).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(title);
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const physical = text.split('\r\n');
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
  });
});

describe('the VTIMEZONE', () => {
  const zoneOf = (zone: string) => {
    parseFeed(feed(group({ timeZone: zone, meetings: [rule({})] })));
    return ICAL.TimezoneService.get(zone);
  };

  it('states the US rules as yearly RRULEs (2nd Sunday of March, 1st Sunday of November)', () => {
    const text = feed(serverless);
    expect(text).toContain(
      'TZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n',
    );
    expect(text).toContain(
      'TZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n',
    );
  });

  it('is one fixed observance for a zone without DST', () => {
    const text = feed(group({ timeZone: 'Asia/Kolkata', meetings: [rule({})] }));
    const vtimezone = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'));
    expect(vtimezone.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(vtimezone).toContain('TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n');
  });

  it.each([
    ['America/Los_Angeles', 2040],
    ['America/St_Johns', 2040],
    ['America/Sao_Paulo', 2040],
    ['Europe/Berlin', 2040],
    ['Europe/London', 2040],
    ['Australia/Sydney', 2040],
    ['Australia/Lord_Howe', 2040],
    ['Pacific/Auckland', 2040],
    ['Asia/Tehran', 2040],
    ['Asia/Kolkata', 2040],
    // Transitions that follow no weekday rule are listed only up to five years ahead.
    ['Africa/Casablanca', 2031],
  ])('makes ical.js place noon of every day in %s where gavel does, through %i', (zone, lastYear) => {
    const tz = zoneOf(zone);
    for (let year = 2025; year <= lastYear; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 28; day += 3) {
          const time = new ICAL.Time({ year, month, day, hour: 12, minute: 0, second: 0, isDate: false }, tz);
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect([date, time.toJSDate().toISOString()]).toEqual([
            date,
            localToInstant(d(date), t('12:00'), zone).toISOString(),
          ]);
        }
      }
    }
  });
});
