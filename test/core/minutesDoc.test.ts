import { describe, expect, it } from 'vitest';
import { actionItemLine, actionItemLines } from '../../src/core/minutes/actionItemLines.js';
import { type MinutesMeeting, minutesDocName } from '../../src/core/minutes/minutesMeeting.js';
import {
  minutesPlaceholders,
  NO_AGENDA,
  PLACEHOLDERS,
  placeholderFills,
} from '../../src/core/minutes/minutesPlaceholders.js';
import { slackToPlain } from '../../src/core/minutes/slackToPlain.js';
import { fillRequests } from '../../src/google/docsRequests.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const meeting: MinutesMeeting = {
  groupName: 'CNCF Serverless WG',
  title: 'Weekly call',
  startsAt: new Date('2026-11-26T17:00:00.000Z'),
  timeZone: 'America/Los_Angeles',
  localDate: '2026-11-26',
  joinUrl: 'https://zoom.us/j/123456789',
  agenda: [
    { number: 1, topic: 'Discuss CloudEvents 2.0', authorId: 'U0MEMBER1' },
    {
      number: 2,
      topic: 'Spec <https://github.com/cncf/wg-serverless/pull/9|PR 9> &amp; tests',
      authorId: 'U0MEMBER2',
    },
  ],
  leads: ['U0LEAD001', 'U0LEAD002'],
  names: { U0MEMBER1: 'Alice', U0LEAD001: 'Lea Lead' },
  sharesDate: false,
};

describe('a per-meeting minutes doc', () => {
  it('is named for the group and the meeting’s date in the group’s zone', () => {
    expect(minutesDocName(meeting)).toBe('CNCF Serverless WG — 2026-11-26');
  });

  it('carries the start time in its name when another meeting falls on the same date', () => {
    expect(minutesDocName({ ...meeting, sharesDate: true })).toBe('CNCF Serverless WG — 2026-11-26 09:00');
  });

  it('fills every placeholder: date and time in the group’s zone plus UTC, agenda with authors, leads', () => {
    expect(minutesPlaceholders(meeting)).toEqual({
      group: 'CNCF Serverless WG',
      title: 'Weekly call',
      date: 'Thursday 26 November 2026',
      time: '09:00 PST (17:00 UTC)',
      join_url: 'https://zoom.us/j/123456789',
      leads: 'Lea Lead, @U0LEAD002',
      agenda:
        '1. Discuss CloudEvents 2.0 (Alice)\n2. Spec PR 9 (https://github.com/cncf/wg-serverless/pull/9) & tests (@U0MEMBER2)',
    });
  });

  it('says so when the agenda is empty and when there is no join link', () => {
    const v = minutesPlaceholders({ ...meeting, agenda: [], joinUrl: null });
    expect(v.agenda).toBe(NO_AGENDA);
    expect(v.join_url).toBe('(no join link)');
  });

  it('shows a UTC group’s time once', () => {
    expect(minutesPlaceholders({ ...meeting, timeZone: 'UTC' }).time).toBe('17:00 UTC');
  });

  it('is filled by one case-sensitive replaceAllText per placeholder, the agenda last', () => {
    const requests = fillRequests(placeholderFills(minutesPlaceholders(meeting)));
    expect(requests).toHaveLength(PLACEHOLDERS.length);
    expect(requests[0]).toEqual({
      replaceAllText: {
        containsText: { text: '{{group}}', matchCase: true },
        replaceText: 'CNCF Serverless WG',
      },
    });
    expect(requests.at(-1)).toMatchObject({ replaceAllText: { containsText: { text: '{{agenda}}' } } });
  });
});

describe('Slack text in a doc', () => {
  it('turns links into label and address, mentions into names, and entities into characters', () => {
    expect(
      slackToPlain('See <https://a.example/x|the doc>, <https://b.example> and <@U0MEMBER1> &lt;3', {
        U0MEMBER1: 'Alice',
      }),
    ).toBe('See the doc (https://a.example/x), https://b.example and Alice <3');
    expect(slackToPlain('ask <@U0NOBODY1>')).toBe('ask @U0NOBODY1');
  });
});

describe('action item lines', () => {
  it('read What — Who — When, in the order recorded', () => {
    expect(
      actionItemLines(
        [
          { text: 'Write the blog post', owners: ['U0MEMBER1', 'U0MEMBER2'], dueDate: '2026-12-07' },
          { text: 'Book the room', owners: [], dueDate: null },
        ],
        { U0MEMBER1: 'Alice' },
      ),
    ).toEqual([
      'Write the blog post — Alice, @U0MEMBER2 — 2026-12-07',
      'Book the room — unassigned — no date',
    ]);
    expect(actionItemLine({ text: 'x', owners: ['U0LEAD001'], dueDate: null }, {})).toBe(
      'x — @U0LEAD001 — no date',
    );
  });
});
