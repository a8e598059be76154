import { describe, expect, it } from 'vitest';
import { REMINDER_ACTIONS, reminderMessage } from '../../src/core/reminder/reminderMessage.js';

const base = {
  groupName: 'CNCF Serverless WG',
  timeZone: 'America/Los_Angeles',
  meeting: {
    title: 'Serverless WG weekly call',
    startsAt: new Date('2026-11-26T17:00:00Z'),
    endsAt: new Date('2026-11-26T18:00:00Z'),
    joinUrl: 'https://zoom.us/my/cncfserverlesswg',
    dialIn: '+1 669 900 6833',
    minutesUrl: undefined,
  },
  agenda: [],
  minutesEnabled: false,
  meetingKey: 'serverless|2026-11-26T17:00:00.000Z',
};
const textOf = (m: ReturnType<typeof reminderMessage>) => JSON.stringify(m.blocks);

describe('the meeting reminder', () => {
  it('shows the start in each reader’s zone with the group’s zone and UTC as fallback', () => {
    const m = reminderMessage(base);
    expect(textOf(m)).toContain(
      '<!date^1795712400^{date_short_pretty} at {time}|Thu 26 Nov 2026, 09:00 PST (17:00 UTC)>',
    );
    expect(textOf(m)).toContain('(1h)');
    expect(m.text).toBe(
      'Reminder: CNCF Serverless WG: Serverless WG weekly call, Thu 26 Nov 2026, 09:00 PST (17:00 UTC)',
    );
  });

  it('gives the join link and dial-in', () => {
    expect(textOf(reminderMessage(base))).toContain('<https://zoom.us/my/cncfserverlesswg|Join the meeting>');
    expect(textOf(reminderMessage(base))).toContain('+1 669 900 6833');
  });

  it('invites agenda items when there are none, with a button that opens the add form', () => {
    const m = reminderMessage(base);
    expect(textOf(m)).toContain('No agenda items yet — add one with `/agenda add`');
    const actions = m.blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({
      elements: [{ action_id: REMINDER_ACTIONS.addAgendaItem, value: base.meetingKey }],
    });
  });

  it('lists the agenda numbered, with escaped topics that cannot ping the channel', () => {
    const m = reminderMessage({
      ...base,
      agenda: [
        { number: 1, topic: 'CloudEvents 1.1 <!channel>', authorId: 'U0AAAAAAA1' },
        { number: 2, topic: 'SDK & spec <sync>', authorId: 'U0BBBBBBB2' },
      ],
    });
    const text = textOf(m);
    expect(text).toContain('1. CloudEvents 1.1 &lt;!channel&gt;');
    expect(text).toContain('2. SDK &amp; spec &lt;sync&gt;');
    expect(text).not.toContain('<!channel>');
    expect(m.text).toContain('2 agenda items');
  });

  it('links the minutes only when minutes are configured and the doc exists', () => {
    const withDoc = { ...base.meeting, minutesUrl: 'https://docs.google.com/document/d/abc/edit' };
    expect(textOf(reminderMessage({ ...base, meeting: withDoc, minutesEnabled: true }))).toContain(
      '|Minutes>',
    );
    expect(textOf(reminderMessage({ ...base, meeting: withDoc, minutesEnabled: false }))).not.toContain(
      'Minutes',
    );
  });

  it('escapes the group and meeting names in the fallback text', () => {
    const m = reminderMessage({ ...base, groupName: 'A <!here> WG' });
    expect(m.text).toContain('A &lt;!here&gt; WG');
  });
});
