import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionsIndex } from '../../src/core/archive/decisionsIndex.js';
import { blockText, inlineText, linkUrl } from '../../src/core/archive/markdownSafety.js';
import {
  MAX_MINUTES_CHARACTERS,
  meetingArchiveFile,
  type MeetingArchiveInput,
} from '../../src/core/archive/meetingArchiveFile.js';
import { minutesSection } from '../../src/core/archive/minutesSection.js';
import type { LocalDate } from '../../src/core/ids.js';

const meeting: MeetingArchiveInput = {
  groupId: 'serverless',
  groupName: 'CNCF Serverless WG',
  title: 'Weekly call',
  startsAt: new Date('2026-11-26T17:00:00.000Z'),
  durationMinutes: 60,
  timeZone: 'America/Los_Angeles',
  localDate: '2026-11-26' as LocalDate,
  minutesUrl: 'https://docs.google.com/document/d/1Doc/edit',
  recordingUrl: 'https://youtu.be/abc',
  minutes: {
    kind: 'markdown',
    text: '# CNCF Serverless WG: Weekly call\n\nWe talked about **CloudEvents 2.0**.\n',
  },
  attendees: [
    { name: 'Lea Lead', organization: 'Google' },
    { name: 'Bob', organization: undefined },
  ],
  covered: [{ number: 1, topic: 'Discuss CloudEvents 2.0' }],
  rolledOver: [{ number: 2, topic: 'SDK release' }],
  decisions: [
    { number: 1, text: 'Adopt v1.0', reference: { owner: 'cloudevents', repo: 'spec', number: 12 } },
  ],
  actionItems: [
    {
      number: 3,
      text: 'Write the blog post',
      owners: ['Alice'],
      dueDate: '2026-12-07' as LocalDate,
      issueUrl: 'https://github.com/cncf/wg-serverless/issues/14',
    },
  ],
  decisionsLink: '../../DECISIONS.md',
};

describe('a meeting’s published file', () => {
  it('opens with front matter, then the minutes doc, then who came, the agenda, decisions and action items', () => {
    expect(meetingArchiveFile(meeting)).toBe(
      [
        '---',
        'group: "serverless"',
        'group_name: "CNCF Serverless WG"',
        'title: "Weekly call"',
        'date: "2026-11-26"',
        'start: "2026-11-26T17:00:00.000Z"',
        'start_local: "2026-11-26T09:00 America/Los_Angeles"',
        'timezone: "America/Los_Angeles"',
        'duration_minutes: 60',
        'minutes_doc: "https://docs.google.com/document/d/1Doc/edit"',
        'recording: "https://youtu.be/abc"',
        '---',
        '',
        '# CNCF Serverless WG: Weekly call, Thursday 26 November 2026',
        '',
        '09:00 PST (17:00 UTC), 60 minutes. [Minutes doc](https://docs.google.com/document/d/1Doc/edit) · [Recording](https://youtu.be/abc)',
        '',
        '## Minutes',
        '',
        '# CNCF Serverless WG: Weekly call',
        '',
        'We talked about **CloudEvents 2.0**.',
        '',
        '## Attendees',
        '',
        '- Lea Lead (Google)',
        '- Bob',
        '',
        '## Agenda',
        '',
        'Covered:',
        '',
        '- #1 Discuss CloudEvents 2.0',
        '',
        'Rolled over to the next meeting:',
        '',
        '- #2 SDK release',
        '',
        '## Decisions',
        '',
        '- **#1** Adopt v1.0 ([cloudevents/spec#12](https://github.com/cloudevents/spec/issues/12))',
        '',
        '## Action items',
        '',
        '- #3 Write the blog post — Alice, due 2026-12-07 ([issue](https://github.com/cncf/wg-serverless/issues/14))',
        '',
        'All decisions of the group: [the decisions index](../../DECISIONS.md). Published by gavel from the meeting’s record.',
        '',
      ].join('\n'),
    );
  });

  it('is made from gavel’s record alone without a minutes doc, and says what was empty', () => {
    const file = meetingArchiveFile({
      ...meeting,
      minutesUrl: null,
      recordingUrl: null,
      minutes: { kind: 'absent' },
      attendees: [],
      covered: [],
      rolledOver: [],
      decisions: [],
      actionItems: [],
    });
    expect(file).not.toContain('## Minutes');
    expect(file).toContain('minutes_doc: null\nrecording: null');
    expect(file).toContain('Nobody checked in.');
    expect(file).toContain('The agenda was empty.');
    expect(file).toContain('No decision was recorded.');
  });

  it('says when the minutes doc could not be read', () => {
    expect(
      meetingArchiveFile({
        ...meeting,
        minutes: { kind: 'unreadable', why: 'it is no longer shared with gavel' },
      }),
    ).toContain('*The minutes doc could not be read (it is no longer shared with gavel).*');
  });

  it('cuts minutes longer than the bound at a line, and says where the rest is', () => {
    const line = `${'x'.repeat(99)}\n`;
    const file = meetingArchiveFile({ ...meeting, minutes: { kind: 'markdown', text: line.repeat(3000) } });
    const minutes = file.slice(file.indexOf('## Minutes'), file.indexOf('## Attendees'));
    expect(minutes.length).toBeLessThan(MAX_MINUTES_CHARACTERS + 500);
    expect(minutes).toContain(
      '*The minutes were cut here, at 200,000 characters: the rest is in [the minutes doc](https://docs.google.com/document/d/1Doc/edit).*',
    );
  });

  it('lets nothing typed become HTML, a mention, front matter or a heading', () => {
    const evil = '<script>alert(1)</script> @alice @cncf/leads\n---\ntitle: owned\n# Heading';
    const file = meetingArchiveFile({
      ...meeting,
      title: 'Call"\ninjected: true',
      minutes: { kind: 'markdown', text: `${evil}\n<img src=x onerror=alert(1)>` },
      attendees: [{ name: '@bob <b>', organization: 'Evil\nCorp' }],
      covered: [{ number: 1, topic: evil }],
      rolledOver: [],
      decisions: [{ number: 1, text: evil, reference: null }],
      actionItems: [{ number: 2, text: evil, owners: ['@carol'], dueDate: null, issueUrl: null }],
    });
    expect(file).not.toMatch(/<[a-z]/i);
    expect(file).not.toMatch(/(^|[^A-Za-z0-9_`])@[A-Za-z0-9]/m);
    expect(file.split('\n').filter((l) => l === '---')).toHaveLength(2 + 1); // front matter, and the doc's own rule
    expect(file).toContain('title: "Call\\"\\ninjected: true"');
    expect(file.split('\n').filter((l) => l.startsWith('# '))).toEqual([
      expect.stringContaining('# CNCF Serverless WG: Call'),
      '# Heading', // the doc's own heading, in the minutes section
    ]);
  });
});

describe('text made safe for a repository', () => {
  it('keeps one line of plain text as it reads', () => {
    expect(inlineText('Adopt v1.0 as proposed in cloudevents/spec#12')).toBe(
      'Adopt v1.0 as proposed in cloudevents/spec#12',
    );
    expect(inlineText('alice@example.com wrote  it\nover lines')).toBe(
      'alice@example.com wrote it over lines',
    );
  });

  it('never lets a line of typed text hold a tag, a mention or a line break', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const safe = inlineText(text);
        expect(safe).not.toMatch(/[<>\n\r]/);
        expect(safe).not.toMatch(/(^|[^A-Za-z0-9_`])@[A-Za-z0-9]/);
      }),
    );
  });

  it('keeps a block’s Markdown but opens no tag and mentions no one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const safe = blockText(text);
        expect(safe).not.toContain('<');
        expect(safe).not.toMatch(/(^|[^A-Za-z0-9_`])@[A-Za-z0-9]/m);
      }),
    );
    expect(blockText('- **bold** [link](https://x.y)\n')).toBe('- **bold** [link](https://x.y)\n');
  });

  it('keeps a link target inside its parentheses', () => {
    expect(linkUrl('https://example.com/a (b)"<x>')).toBe('https://example.com/a%20%28b%29%22%3Cx%3E');
  });
});

describe('the decisions index', () => {
  it('lists every decision newest first, with its date, meeting and issue', () => {
    const text = decisionsIndex({
      groupName: 'CNCF Serverless WG',
      timeZone: 'America/Los_Angeles',
      decisions: [
        {
          number: 1,
          text: 'Adopt v1.0',
          reference: { owner: 'cloudevents', repo: 'spec', number: 12 },
          meetingStartsAt: '2026-11-26T17:00:00.000Z',
          meetingTitle: 'Weekly call',
          meetingLink: 'meetings/2026/2026-11-26.md',
        },
        {
          number: 2,
          text: 'Ship the <SDK> @here',
          reference: null,
          meetingStartsAt: '2026-12-03T17:00:00.000Z',
          meetingTitle: 'Weekly call',
          meetingLink: 'meetings/2026/2026-12-03.md',
        },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Decisions of CNCF Serverless WG');
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([
      '- **#2** Ship the &lt;SDK&gt; @&#8203;here (3 Dec 2026, [Weekly call](meetings/2026/2026-12-03.md))',
      '- **#1** Adopt v1.0 (26 Nov 2026, [Weekly call](meetings/2026/2026-11-26.md)) — [cloudevents/spec#12](https://github.com/cloudevents/spec/issues/12)',
    ]);
  });

  it('says when there is none yet', () => {
    expect(decisionsIndex({ groupName: 'G', timeZone: 'UTC', decisions: [] })).toContain(
      'No decision has been recorded yet.',
    );
  });
});

describe('a running doc’s section of one meeting', () => {
  const doc = [
    '# Serverless WG running notes',
    '',
    '## Weekly call — Thursday 3 December 2026',
    '',
    'Newest notes',
    '',
    '## **Weekly call — Thursday 26 November 2026**',
    '',
    '### Discussion',
    '',
    'Older notes',
    '',
    '## Weekly call — Thursday 19 November 2026',
    'Oldest',
  ].join('\n');

  it('runs from its heading to the next heading of its level, sub-headings included', () => {
    expect(minutesSection(doc, 'Weekly call — Thursday 26 November 2026')).toBe(
      '### Discussion\n\nOlder notes',
    );
    expect(minutesSection(doc, 'Weekly call — Thursday 19 November 2026')).toBe('Oldest');
  });

  it('is undefined when the doc has no such heading', () => {
    expect(minutesSection(doc, 'Weekly call — Thursday 10 December 2026')).toBeUndefined();
  });
});
