import type { DocsRequest } from './minutesDocs.js';
import { agendaLines, minutesPlaceholders } from './minutesPlaceholders.js';
import { type MinutesMeeting, runningSectionHeading } from './minutesMeeting.js';

type Style = 'HEADING_2' | 'HEADING_3' | 'NORMAL_TEXT';

/** Where a running doc's new section goes: the top of the body (index 0 is the section break). */
export const SECTION_INDEX = 1;

export const ACTION_ITEMS_HEADING = 'Action items (What / Who / When)';

/**
 * A meeting's section of a running doc: the same content a per-meeting template gets, under
 * a heading that names the meeting, with empty paragraphs to write attendees, notes and
 * action items into.
 */
export function runningSection(m: MinutesMeeting): { heading: string; requests: DocsRequest[] } {
  const heading = runningSectionHeading(m);
  const v = minutesPlaceholders(m);
  const lines: [string, Style][] = [
    [heading, 'HEADING_2'],
    [`${v.date}, ${v.time}`, 'NORMAL_TEXT'],
    [`Join: ${v.join_url}`, 'NORMAL_TEXT'],
    [`Leads: ${v.leads}`, 'NORMAL_TEXT'],
    ['Agenda', 'HEADING_3'],
    ...agendaLines(m).map((l): [string, Style] => [l, 'NORMAL_TEXT']),
    ['Attendees', 'HEADING_3'],
    ['', 'NORMAL_TEXT'],
    ['Notes', 'HEADING_3'],
    ['', 'NORMAL_TEXT'],
    [ACTION_ITEMS_HEADING, 'HEADING_3'],
    ['', 'NORMAL_TEXT'],
  ];
  const text = lines.map(([l]) => `${l}\n`).join('');
  // Every paragraph gets its style explicitly: inserted text would otherwise take on the
  // style of whatever paragraph used to be first (often the doc's title).
  const styles: DocsRequest[] = [];
  let at = SECTION_INDEX;
  for (const [line, style] of lines) {
    const end = at + line.length + 1;
    styles.push({
      updateParagraphStyle: {
        range: { startIndex: at, endIndex: end },
        paragraphStyle: { namedStyleType: style },
        fields: 'namedStyleType',
      },
    });
    at = end;
  }
  return { heading, requests: [{ insertText: { location: { index: SECTION_INDEX }, text } }, ...styles] };
}

/** Whether the doc already has the section (a paragraph that is exactly the heading). */
export const hasSection = (docText: string, heading: string): boolean =>
  docText.split('\n').some((line) => line.trim() === heading);
