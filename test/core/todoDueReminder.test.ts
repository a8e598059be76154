import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/core/ids.js';
import {
  DUE_DM_ACTIONS,
  dueDmMessage,
  dueMorning,
  earliestDueMorning,
  snoozedDue,
} from '../../src/core/todo/dueReminder.js';
import { type ActionItem, actionItemId } from '../../src/core/model/actionItem.js';
import { zonedDate } from '../../src/core/slackDate.js';
import { cid, gid, uid } from '../support/ids.js';

const d = (s: string) => s as LocalDate;

const item: ActionItem = {
  id: actionItemId(7),
  groupId: gid('serverless'),
  number: 3,
  meetingStartsAt: null,
  text: 'Tell <!channel> & friends',
  owners: [uid('U0MEMBER1')],
  authorId: uid('U0MEMBER1'),
  dueDate: d('2026-11-24'),
  status: 'open',
  channelId: cid('C0SERVERLESS'),
  messageTs: null,
  sourcePermalink: null,
  githubIssue: null,
  createdAt: '2026-11-23T12:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
  doneAt: null,
};

describe('the due-date DM', () => {
  it('arrives at 09:00 on the due date in the owner’s zone, across DST', () => {
    expect(dueMorning(d('2026-11-24'), 'Europe/Berlin').toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(dueMorning(d('2026-07-01'), 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(dueMorning(d('2026-11-24'), 'Asia/Kolkata').toISOString()).toBe('2026-11-24T03:30:00.000Z');
    // 8 March 2026 is the day the US springs forward (at 02:00): 09:00 is PDT.
    expect(dueMorning(d('2026-03-08'), 'America/Los_Angeles').toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('never arrives before the due date where a zone skipped that morning: it moves forward by the gap', () => {
    // Samoa crossed the date line: in Pacific/Apia 29 December 2011 23:59:59 (UTC−10) was
    // followed by 31 December 00:00 (UTC+14), so 09:00 on the 30th never happened. Kiribati's
    // Line Islands (the zone earliestDueMorning counts from) did the same on 31 December 1994.
    const samoa = dueMorning(d('2011-12-30'), 'Pacific/Apia');
    expect(samoa.toISOString()).toBe('2011-12-30T19:00:00.000Z'); // 09:00 on the 31st, UTC+14
    expect(zonedDate(samoa, 'Pacific/Apia')).toBe('2011-12-31');
    const line = dueMorning(d('1994-12-31'), 'Pacific/Kiritimati');
    expect(line.toISOString()).toBe('1994-12-31T19:00:00.000Z');
    expect(zonedDate(line, 'Pacific/Kiritimati')).toBe('1995-01-01');
  });

  it('is planned before anyone’s morning: 09:00 at UTC+14', () => {
    const earliest = earliestDueMorning(d('2026-11-24'));
    expect(earliest.toISOString()).toBe('2026-11-23T19:00:00.000Z');
    for (const zone of [
      'Pacific/Kiritimati',
      'Pacific/Auckland',
      'Asia/Kolkata',
      'UTC',
      'Pacific/Pago_Pago',
    ]) {
      expect(dueMorning(d('2026-11-24'), zone).getTime()).toBeGreaterThanOrEqual(earliest.getTime());
    }
  });

  it('snoozes a week from the due date, or from today when it is overdue, within two years', () => {
    expect(snoozedDue(d('2026-11-24'), d('2026-11-24'))).toBe('2026-12-01');
    expect(snoozedDue(d('2026-12-10'), d('2026-11-24'))).toBe('2026-12-17');
    expect(snoozedDue(d('2026-11-20'), d('2026-11-24'))).toBe('2026-12-01');
    expect(snoozedDue(null, d('2026-11-24'))).toBe('2026-12-01');
    expect(snoozedDue(d('2028-11-22'), d('2026-11-24'))).toBe('2028-11-24');
  });

  it('shows the item escaped, says when it is overdue, and offers Done and Snooze', () => {
    const today = dueDmMessage(item, 'CNCF Serverless WG', d('2026-11-24'));
    expect(today.text).toBe(
      'Due today: action item #3 of CNCF Serverless WG (due Tue Nov 24): Tell &lt;!channel&gt; &amp; friends',
    );
    expect(JSON.stringify(today.blocks)).toContain(`"action_id":"${DUE_DM_ACTIONS.done}","style":"primary"`);
    expect(JSON.stringify(today.blocks)).toContain(`"action_id":"${DUE_DM_ACTIONS.snooze}"`);
    expect(dueDmMessage(item, 'WG', d('2026-11-25')).text).toMatch(/^Overdue: /);
  });
});
