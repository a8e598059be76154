import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  MEETING_START_ACTIONS,
  type MeetingStartInput,
  meetingStartMessage,
} from '../../src/core/record/meetingStartMessage.js';

const base: MeetingStartInput = {
  groupName: 'CloudEvents',
  title: 'Weekly call',
  startsAt: new Date('2026-12-03T17:00:00Z'),
  endsAt: new Date('2026-12-03T18:00:00Z'),
  timeZone: 'America/Los_Angeles',
  joinUrl: 'https://zoom.us/my/cloudevents',
  dialIn: '+1 669 900 6833',
  minutesUrl: null,
  agenda: [],
  meetingKey: 'cloudevents|2026-12-03T17:00:00.000Z',
};

const textsOf = (blocks: readonly KnownBlock[]): string =>
  blocks
    .flatMap((b): string[] => {
      if (b.type === 'section' || b.type === 'header') return b.text ? [b.text.text] : [];
      if (b.type === 'context') return b.elements.flatMap((e) => ('text' in e ? [e.text] : []));
      return [];
    })
    .join('\n');

describe('the post at a meeting’s start', () => {
  it('notifies that the meeting is starting', () => {
    expect(meetingStartMessage(base).text).toBe('CloudEvents: Weekly call is starting');
  });

  it('says when, in each reader’s zone, and how long', () => {
    const text = textsOf(meetingStartMessage(base).blocks);
    expect(text).toContain(
      '<!date^1796317200^{date_short_pretty} at {time}|Thu 3 Dec 2026, 09:00 PST (17:00 UTC)>',
    );
    expect(text).toContain('(1h)');
  });

  it('gives the join link and dial-in, and the minutes when there are some', () => {
    expect(textsOf(meetingStartMessage(base).blocks)).toContain(
      ':link: <https://zoom.us/my/cloudevents|Join the meeting>\n:telephone_receiver: +1 669 900 6833',
    );
    expect(textsOf(meetingStartMessage(base).blocks)).not.toContain('Minutes');
    const withMinutes = meetingStartMessage({
      ...base,
      minutesUrl: 'https://docs.google.com/document/d/abc',
    });
    expect(textsOf(withMinutes.blocks)).toContain(':memo: <https://docs.google.com/document/d/abc|Minutes>');
  });

  it('leaves the links out when there are none', () => {
    const m = meetingStartMessage({ ...base, joinUrl: null, dialIn: null });
    expect(textsOf(m.blocks)).not.toContain(':link:');
    expect(m.blocks.filter((b) => b.type === 'section')).toHaveLength(2);
  });

  it('shows the agenda numbered, or says there is none', () => {
    expect(textsOf(meetingStartMessage(base).blocks)).toContain('*Agenda*\nNo agenda items yet.');
    const m = meetingStartMessage({
      ...base,
      agenda: [
        { number: 1, topic: 'Release 1.1' },
        { number: 2, topic: 'SDK sync' },
      ],
    });
    expect(textsOf(m.blocks)).toContain('*Agenda*\n1. Release 1.1\n2. SDK sync');
  });

  it('has a primary I’m here button carrying the meeting’s key', () => {
    const actions = meetingStartMessage(base).blocks.find((b) => b.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: MEETING_START_ACTIONS.checkIn,
          text: { type: 'plain_text', text: "I'm here" },
          style: 'primary',
          value: base.meetingKey,
        },
      ],
    });
  });

  it('says how to be counted present and what the thread is for', () => {
    expect(meetingStartMessage(base).blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: "Press *I'm here* to be counted present, or `/meeting here`. Decisions, the recording and the wrap-up follow in this thread.",
        },
      ],
    });
  });

  it('escapes topics so none can ping the channel', () => {
    const m = meetingStartMessage({
      ...base,
      title: 'Call & <!here>',
      agenda: [{ number: 1, topic: 'Ping <!channel> and <@U0CCCCCCC3> & <that>' }],
    });
    expect(textsOf(m.blocks)).toContain(
      '1. Ping &lt;!channel&gt; and &lt;@U0CCCCCCC3&gt; &amp; &lt;that&gt;',
    );
    expect(textsOf(m.blocks.slice(1))).not.toMatch(/<!channel>|<!here>|<@U0CCCCCCC3>/);
    expect(m.text).toBe('CloudEvents: Call &amp; &lt;!here&gt; is starting');
  });

  it('holds within Slack’s limits with 100 topics of the longest kind and a long title', () => {
    const m = meetingStartMessage({
      ...base,
      title: '🎉'.repeat(200),
      agenda: Array.from({ length: 100 }, (_, i) => ({ number: i + 1, topic: `<&>${'x'.repeat(297)}` })),
    });
    const header = m.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    for (const b of m.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    expect(textsOf(m.blocks)).toMatch(/\n… and \d+ more/);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
  });
});
