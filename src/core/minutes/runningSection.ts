import type { DocParagraph, ParagraphStyle, ParagraphsAt } from '../ports/minutesDocs.js';
import { agendaLines, minutesPlaceholders } from './minutesPlaceholders.js';
import { type MinutesMeeting, runningSectionHeading } from './minutesMeeting.js';

/**
 * A line that reads as a running doc's section heading, as runningSectionHeading writes it:
 * `Weekly call — Thursday 26 November 2026`, with `, 09:00 PST` when two meetings share the
 * date.
 */
const SECTION_HEADING = new RegExp(
  '^.+ — (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \\d{1,2} ' +
    '(?:January|February|March|April|May|June|July|August|September|October|November|December) ' +
    '\\d{4}(?:, \\d{2}:\\d{2} \\S+)?$',
);
export const looksLikeSectionHeading = (line: string): boolean => SECTION_HEADING.test(line.trim());

/**
 * Where a running doc's new section goes: above the newest meeting's section, below the
 * doc's own title and whatever people wrote above the first section. A doc without any
 * section gets it after its text; an empty doc at the top. Offsets count UTF-16 code units
 * (string lengths), as Docs does.
 */
export function runningSectionAt(docText: string): ParagraphsAt {
  const lines = docText.split('\n');
  const last = lines.length - 1;
  const first = lines.findIndex((l, i) => i < last && looksLikeSectionHeading(l));
  const until = first === -1 ? last : first;
  if (lines.slice(0, until).every((l) => l.trim() === '')) return { before: 0 };
  const offset = lines.slice(0, until).reduce((n, l) => n + l.length + 1, 0);
  return first === -1 ? { after: offset } : { before: offset };
}

export const ACTION_ITEMS_HEADING = 'Action items (What / Who / When)';

/**
 * A meeting's section of a running doc: the same content a per-meeting template gets, under
 * a heading that names the meeting, with empty paragraphs to write attendees, notes and
 * action items into.
 */
export function runningSection(m: MinutesMeeting): { heading: string; paragraphs: DocParagraph[] } {
  const heading = runningSectionHeading(m);
  const v = minutesPlaceholders(m);
  // Every paragraph says how it reads, empty ones too.
  const lines: [string, ParagraphStyle][] = [
    [heading, 'heading'],
    [`${v.date}, ${v.time}`, 'normal'],
    [`Join: ${v.join_url}`, 'normal'],
    [`Leads: ${v.leads}`, 'normal'],
    ['Agenda', 'subheading'],
    ...agendaLines(m).map((l): [string, ParagraphStyle] => [l, 'normal']),
    ['Attendees', 'subheading'],
    ['', 'normal'],
    ['Notes', 'subheading'],
    ['', 'normal'],
    [ACTION_ITEMS_HEADING, 'subheading'],
    ['', 'normal'],
  ];
  return { heading, paragraphs: lines.map(([text, style]) => ({ text, style })) };
}

/** Whether the doc already has the section (a paragraph that is exactly the heading). */
export const hasSection = (docText: string, heading: string): boolean =>
  docText.split('\n').some((line) => line.trim() === heading);
