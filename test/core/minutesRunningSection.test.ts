import { describe, expect, it } from 'vitest';
import type { MinutesMeeting } from '../../src/core/minutes/minutesMeeting.js';
import {
  ACTION_ITEMS_HEADING,
  hasSection,
  runningSection,
  runningSectionAt,
} from '../../src/core/minutes/runningSection.js';
import { type DocsRequest, paragraphRequests } from '../../src/google/docsRequests.js';

const meeting: MinutesMeeting = {
  groupName: 'CNCF Serverless WG',
  title: 'Weekly call',
  startsAt: new Date('2026-11-26T17:00:00.000Z'),
  timeZone: 'America/Los_Angeles',
  localDate: '2026-11-26',
  joinUrl: 'https://zoom.us/j/123456789',
  agenda: [{ number: 1, topic: 'Discuss CloudEvents 2.0', authorId: 'U0MEMBER1' }],
  leads: ['U0LEAD001'],
  names: {},
  sharesDate: false,
};

/** What a Docs body (text from index 1) looks like after the requests' insertText. */
function applyInserts(body: string, requests: readonly DocsRequest[]): string {
  let text = body;
  for (const r of requests) {
    if ('insertText' in r) {
      const at = r.insertText.location.index - 1;
      text = text.slice(0, at) + r.insertText.text + text.slice(at);
    }
  }
  return text;
}

/** The section as Docs receives it: one insertText, then a style per paragraph. */
function sectionOf(m: MinutesMeeting, body: string): { heading: string; requests: DocsRequest[] } {
  const { heading, paragraphs } = runningSection(m);
  return { heading, requests: paragraphRequests(runningSectionAt(body), paragraphs) };
}

describe('a meeting’s section in a running minutes doc', () => {
  it('goes on top, under a heading naming the meeting, with the template’s content', () => {
    const older = 'Older meeting — Thursday 19 November 2026\nnotes\n';
    const { heading, requests } = sectionOf(meeting, older);
    expect(heading).toBe('Weekly call — Thursday 26 November 2026');
    const after = applyInserts(older, requests);
    expect(after.split('\n').slice(0, 12)).toEqual([
      heading,
      'Thursday 26 November 2026, 09:00 PST (17:00 UTC)',
      'Join: https://zoom.us/j/123456789',
      'Leads: @U0LEAD001',
      'Agenda',
      '1. Discuss CloudEvents 2.0 (@U0MEMBER1)',
      'Attendees',
      '',
      'Notes',
      '',
      ACTION_ITEMS_HEADING,
      '',
    ]);
    expect(after.endsWith('Older meeting — Thursday 19 November 2026\nnotes\n')).toBe(true);
  });

  it('styles the heading and sub-headings by their exact ranges, and every other line as normal text', () => {
    const { heading, requests } = sectionOf(meeting, '\n');
    const inserted = requests[0] && 'insertText' in requests[0] ? requests[0].insertText.text : '';
    const styled = requests.flatMap((r) =>
      'updateParagraphStyle' in r
        ? [
            {
              style: r.updateParagraphStyle.paragraphStyle.namedStyleType,
              range: r.updateParagraphStyle.range,
            },
          ]
        : [],
    );
    expect(styled[0]).toEqual({
      style: 'HEADING_2',
      range: { startIndex: 1, endIndex: 1 + heading.length + 1 },
    });
    // The ranges tile the inserted text exactly, paragraph by paragraph.
    expect(styled.at(-1)?.range.endIndex).toBe(1 + inserted.length);
    for (const { range } of styled) {
      expect(inserted.slice(range.startIndex - 1, range.endIndex - 1).endsWith('\n')).toBe(true);
    }
    const headings = styled
      .filter((s) => s.style === 'HEADING_3')
      .map((s) => inserted.slice(s.range.startIndex - 1, s.range.endIndex - 2));
    expect(headings).toEqual(['Agenda', 'Attendees', 'Notes', ACTION_ITEMS_HEADING]);
  });

  it('is recognised by its heading, so it is never inserted twice', () => {
    const { heading, requests } = sectionOf(meeting, 'Intro\n');
    const after = applyInserts('Intro\n', requests);
    expect(hasSection(after, heading)).toBe(true);
    expect(hasSection('Intro\n', heading)).toBe(false);
    expect(hasSection(`${heading} (draft)\n`, heading)).toBe(false);
  });

  it('names the start time when two meetings share the date', () => {
    expect(runningSection({ ...meeting, sharesDate: true }).heading).toBe(
      'Weekly call — Thursday 26 November 2026, 09:00 PST',
    );
  });
});
