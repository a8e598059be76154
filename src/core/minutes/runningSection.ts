import type { DocParagraph, ParagraphStyle, ParagraphsAt } from '../ports/minutesDocs.js';
import { agendaLines, minutesPlaceholders } from './minutesPlaceholders.js';
import { type MinutesMeeting, runningSectionHeading } from './minutesMeeting.js';

/** Where a running doc's new section goes: the top of the doc. */
export const SECTION_AT: ParagraphsAt = { before: 0 };

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
