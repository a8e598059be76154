import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';
import { renderIcsFeed } from '../../src/core/calendar/icsFeed.js';
import type { Group } from '../../src/core/group.js';
import type { LocalDate } from '../../src/core/ids.js';
import {
  cancelledNoticeJobSpec,
  cancelledNotices,
  cancelledNoticeText,
} from '../../src/core/meeting/cancelledNotice.js';
import { cancelledInFileText, nextMeetingReply } from '../../src/core/meeting/meetingReplies.js';
import type { Occurrence } from '../../src/core/model/occurrence.js';
import { previewText } from '../../src/core/preview/previewText.js';
import { digestMeeting } from '../../src/core/foundation/digestMeetings.js';
import { meetingsOverview } from '../../src/core/foundation/meetingsOverview.js';
import { upcomingMeetings } from '../../src/core/preview/upcomingMeetings.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';
import { expandedStarts } from '../support/icalFeed.js';

// Thursdays 09:00 Pacific (PST in winter: 17:00 UTC).
const groupWith = (extra: string): Group => {
  const r = parseGroups(`
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings: [{ title: Weekly call, day: thursday, time: "09:00" }]
${extra}`);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.groups[0]!;
};

const HOLIDAYS =
  groupWith(`    cancelled: [{ date: 2026-12-24, reason: "Christmas Eve <!channel>" }, 2026-12-31]
    breaks: [{ from: 2027-07-01, until: 2027-07-31, reason: Summer break }]`);
const now = new Date('2026-12-01T12:00:00Z');

describe('meetings the groups file cancels, with reasons and breaks', () => {
  it('marks each cancelled occurrence with its reason, a break’s meetings with the break’s', () => {
    const planned = occurrencesBetween(HOLIDAYS, now, new Date('2027-08-10T00:00:00Z'));
    const cancelled = planned.filter((o) => o.cancelled).map((o) => [o.localDate, o.cancelReason]);
    expect(cancelled).toEqual([
      ['2026-12-24', 'Christmas Eve <!channel>'],
      ['2026-12-31', undefined],
      ['2027-07-01', 'Summer break'],
      ['2027-07-08', 'Summer break'],
      ['2027-07-15', 'Summer break'],
      ['2027-07-22', 'Summer break'],
      ['2027-07-29', 'Summer break'],
    ]);
  });

  it('plans one notice per cancelled meeting and one per break, 3 days ahead, naming the break’s last meeting', () => {
    const planned = occurrencesBetween(HOLIDAYS, now, new Date('2027-08-10T00:00:00Z'));
    const notices = cancelledNotices(HOLIDAYS, planned, now);
    expect(notices.map((n) => [n.first.localDate, n.last?.localDate, n.reason])).toEqual([
      ['2026-12-24', undefined, 'Christmas Eve <!channel>'],
      ['2026-12-31', undefined, undefined],
      ['2027-07-01', '2027-07-29', 'Summer break'],
    ]);
    expect(notices.map((n) => cancelledNoticeText(HOLIDAYS, n))).toEqual([
      ':no_entry_sign: No CNCF Serverless WG meeting on Thu 24 Dec: Christmas Eve &lt;!channel&gt;.',
      ':no_entry_sign: No CNCF Serverless WG meeting on Thu 31 Dec.',
      ':no_entry_sign: No CNCF Serverless WG meetings from Thu 1 Jul to Thu 29 Jul: Summer break.',
    ]);
    expect(cancelledNoticeJobSpec(HOLIDAYS.id, notices[0]!.first.startsAt)).toMatchObject({
      key: 'notice-cancelled:serverless:2026-12-24T17:00:00.000Z',
      kind: 'notice-cancelled',
      runAt: new Date('2026-12-21T17:00:00.000Z'),
    });
  });

  it('gives a break under way no notice (its first meeting has passed), and none for a meeting begun', () => {
    const during = new Date('2027-07-05T00:00:00Z');
    const planned = occurrencesBetween(HOLIDAYS, during, new Date('2027-08-10T00:00:00Z'));
    expect(cancelledNotices(HOLIDAYS, planned, during)).toEqual([]);
    const atStart = new Date('2026-12-24T17:00:00Z');
    expect(
      cancelledNotices(
        HOLIDAYS,
        occurrencesBetween(HOLIDAYS, atStart, new Date(atStart.getTime() + 1)),
        atStart,
      ),
    ).toEqual([]);
  });

  it('/meeting next says which meetings it skips and why, escaped', () => {
    const next = {
      startsAt: '2027-01-07T17:00:00.000Z',
      title: 'Weekly call',
      joinUrl: undefined,
      minutes: undefined,
    } as unknown as Occurrence;
    const text = nextMeetingReply(HOLIDAYS, next, undefined, [
      { startsAt: new Date('2026-12-24T17:00:00Z'), reason: 'Christmas Eve <!channel>' },
      { startsAt: new Date('2026-12-31T17:00:00Z'), reason: undefined },
    ]);
    expect(text.split('\n')[0]).toBe(
      'No meeting on Thu 24 Dec (Christmas Eve &lt;!channel&gt;), on Thu 31 Dec; the next is Thu 7 Jan:',
    );
    expect(text).toContain('*CNCF Serverless WG: Weekly call*');
    const summer = [1, 8, 15].map((d) => ({
      startsAt: new Date(`2027-07-${String(d).padStart(2, '0')}T16:00:00Z`),
      reason: 'Summer break',
    }));
    expect(nextMeetingReply(HOLIDAYS, next, undefined, summer).split('\n')[0]).toBe(
      'No meeting from Thu 1 Jul to Thu 15 Jul (Summer break); the next is Thu 7 Jan:',
    );
    expect(nextMeetingReply(HOLIDAYS, next, undefined)).not.toContain('No meeting');
  });

  it('a restore of a date named under cancelled: is refused, naming the reason and what can be restored', () => {
    expect(cancelledInFileText('2026-12-24' as LocalDate, false, 'Christmas <Eve>')).toBe(
      '2026-12-24 is cancelled by name in the groups file (Christmas &lt;Eve&gt;); a lead removes it from `cancelled:` there. (A meeting a break or a public holiday cancels can be restored here.)',
    );
    expect(cancelledInFileText('2026-12-31' as LocalDate, false)).toMatch(
      /^2026-12-31 is cancelled by name in the groups file; a lead removes it/,
    );
  });

  it('the preview lists a cancelled meeting with its reason', () => {
    const text = previewText(HOLIDAYS, upcomingMeetings(HOLIDAYS, now, 5), now);
    expect(text).toContain(
      'cancelled in the groups file (Christmas Eve <!channel>): no reminders, no minutes',
    );
    expect(text).toContain('cancelled in the groups file: no reminders, no minutes');
  });

  it('the calendar feed drops a break’s meetings with EXDATEs and gives the reasons in the series’ description', () => {
    const feed = renderIcsFeed({
      group: HOLIDAYS,
      added: [],
      cancelledStarts: [],
      now,
      host: 'gavel.example.org',
    });
    for (const day of ['20261224', '20261231', '20270701', '20270708', '20270729']) {
      expect(feed).toContain(`EXDATE;TZID=America/Los_Angeles:${day}T090000`);
    }
    // EXDATE has no place for text: the description names the coming cancellations.
    const description = feed.replace(/\r\n[ \t]/g, '').match(/^DESCRIPTION:(.*)$/m)?.[1];
    expect(description?.split('\\n')).toEqual([
      'Not held on Thu 24 Dec 2026: Christmas Eve <!channel>',
      'Not held from Thu 1 Jul 2027 to Thu 29 Jul 2027: Summer break',
    ]);
    const starts = expandedStarts(feed, new Date('2027-06-20T00:00:00Z'), new Date('2027-08-10T00:00:00Z'));
    expect(starts).toEqual(['2027-06-24T16:00:00.000Z', '2027-08-05T16:00:00.000Z']);
  });

  it('the weekly digest says why the groups file cancels a meeting, escaped', () => {
    const occurrence = {
      id: 1,
      groupId: HOLIDAYS.id,
      startsAt: '2026-12-24T17:00:00.000Z',
      endsAt: '2026-12-24T18:00:00.000Z',
      localDate: '2026-12-24',
      title: 'Weekly call',
      source: 'rule',
      ruleId: 'meeting-1',
      status: 'cancelled',
      cancelledBy: 'config',
      joinUrl: null,
      dialIn: null,
      minutes: null,
      createdAt: '2026-12-01T12:00:00.000Z',
      updatedAt: '2026-12-01T12:00:00.000Z',
    } as unknown as Occurrence;
    const meeting = digestMeeting(HOLIDAYS, occurrence, new Map());
    expect(meeting.cancelledHow).toBe('in the groups file: Christmas Eve <!channel>');
    const text = meetingsOverview({
      mode: 'week',
      groups: [
        {
          groupName: HOLIDAYS.name,
          channelLabel: '#serverless',
          timeZone: HOLIDAYS.timeZone,
          meetings: [meeting],
        },
      ],
      userZone: undefined,
    });
    expect(text).toContain('— cancelled in the groups file: Christmas Eve &lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
  });
});
