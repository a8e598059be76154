import { describe, expect, it } from 'vitest';
import { autoCancelJobs, autoCancelMessage, keptMessage } from '../../src/core/meeting/autoCancel.js';
import { gid } from '../support/ids.js';

const group = { id: gid('serverless'), cancelIfNoAgendaMinutes: 24 * 60 };
const START = '2026-12-03T17:00:00.000Z';

describe('the auto-cancel job of a meeting', () => {
  it('is keyed by the meeting and due three minutes before start − cancel_if_no_agenda', () => {
    expect(autoCancelJobs(group, { startsAt: START, createdAt: '2026-11-23T12:00:00.000Z' })).toEqual([
      {
        key: `auto-cancel:serverless:${START}`,
        kind: 'auto-cancel',
        runAt: new Date('2026-12-02T16:57:00.000Z'),
        payload: { groupId: 'serverless', startsAt: START },
      },
    ]);
  });

  it('is not planned without the setting, nor for a meeting stored after its moment', () => {
    const created = '2026-11-23T12:00:00.000Z';
    expect(autoCancelJobs({ id: gid('serverless') }, { startsAt: START, createdAt: created })).toEqual([]);
    expect(autoCancelJobs(group, { startsAt: START, createdAt: '2026-12-02T18:00:00.000Z' })).toEqual([]);
  });
});

describe('the no-agenda notice', () => {
  const notice = {
    title: 'Weekly <!channel> call',
    startsAt: new Date(START),
    timeZone: 'America/Los_Angeles',
  };

  it('names the meeting and its day in the group’s zone, pings nobody, and carries the Keep button', () => {
    const m = autoCancelMessage(notice, `serverless|${START}`);
    expect(m.text).toBe(
      'No agenda for the Weekly &lt;!channel&gt; call of Thu 3 Dec, so it is cancelled. A lead can keep it.',
    );
    expect(JSON.stringify(m.blocks)).toContain(`"value":"serverless|${START}"`);
  });

  it('says who kept it, without the button', () => {
    const m = keptMessage(notice, 'U0LEAD001' as never);
    expect(m.text).toContain('Kept by <@U0LEAD001>.');
    expect(JSON.stringify(m.blocks)).not.toContain('meeting.keep');
  });
});
