import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { type LocalDate, slackUserId, type SlackUserId } from '../../src/core/ids.js';
import { fitSection, type WrapUpInput, wrapUpMessage } from '../../src/core/record/wrapUpMessage.js';

const U1 = slackUserId('U0AAAAAAA1');
const U2 = slackUserId('U0BBBBBBB2');

const base: WrapUpInput = {
  groupName: 'CloudEvents',
  title: 'Weekly call',
  startsAt: new Date('2026-12-03T17:00:00Z'),
  timeZone: 'America/Los_Angeles',
  attendees: [],
  decisions: [],
  actionItems: [],
  covered: [],
  rolledOver: [],
  minutesUrl: null,
  recordingUrl: null,
};

/** Every text of every block, as Slack counts them. */
function textsOf(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.type === 'section' || b.type === 'header') return b.text ? [b.text.text] : [];
    if (b.type === 'context') return b.elements.flatMap((e) => ('text' in e ? [e.text] : []));
    return [];
  });
}
const allText = (m: ReturnType<typeof wrapUpMessage>) => textsOf(m.blocks).join('\n');

describe('the wrap-up of a meeting', () => {
  it('is titled with the meeting and its date in the group’s zone', () => {
    const m = wrapUpMessage({ ...base, startsAt: new Date('2026-12-04T02:00:00Z') });
    // 18:00 on 3 December in Los Angeles is already the 4th in UTC.
    expect(m.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Wrap-up: Weekly call, 3 Dec 2026' },
    });
    expect(m.text).toBe(
      'CloudEvents: wrap-up of Weekly call, 3 Dec 2026 — 0 attendees, 0 decisions, 0 action items',
    );
  });

  it('counts the attendees and names each with their organisation', () => {
    const m = wrapUpMessage({
      ...base,
      attendees: [
        { userId: U1, name: 'Alice', organization: 'Google' },
        { userId: U2, name: 'Bob', organization: undefined },
      ],
    });
    expect(allText(m)).toContain('*Attended (2)*\nAlice (Google), Bob (no organisation)');
  });

  it('says so when nothing was recorded', () => {
    const text = allText(wrapUpMessage(base));
    expect(text).toContain('*Attended (0)*\nNobody checked in.');
    expect(text).toContain('*Decisions*\nNone recorded.');
    expect(text).toContain('*Action items*\nNone.');
    expect(text).toContain('*Agenda covered*\nNone.');
    expect(text).not.toContain('Rolled over');
  });

  it('lists decisions with a link to the issue they name', () => {
    const m = wrapUpMessage({
      ...base,
      decisions: [
        { number: 3, text: 'Adopt v1.0', reference: { owner: 'cloudevents', repo: 'spec', number: 1223 } },
        { number: 4, text: 'Meet weekly', reference: null },
      ],
    });
    expect(allText(m)).toContain(
      '*Decisions*\n#3 Adopt v1.0 — <https://github.com/cloudevents/spec/issues/1223|cloudevents/spec#1223>\n#4 Meet weekly',
    );
  });

  it('lists action items with their owners, due day and issue', () => {
    const m = wrapUpMessage({
      ...base,
      actionItems: [
        {
          number: 12,
          text: 'Write the post',
          owners: [U1],
          dueDate: '2026-12-07' as LocalDate,
          issueUrl: 'https://github.com/cloudevents/spec/issues/40',
        },
        {
          number: 13,
          text: 'Plan 2027',
          owners: [U1, U2],
          dueDate: '2027-01-05' as LocalDate,
          issueUrl: null,
        },
        { number: 14, text: 'Someone, someday', owners: [], dueDate: null, issueUrl: null },
      ],
    });
    expect(allText(m)).toContain(
      [
        '*Action items*',
        '#12 Write the post — <@U0AAAAAAA1> — due 7 Dec — <https://github.com/cloudevents/spec/issues/40|issue #40>',
        '#13 Plan 2027 — <@U0AAAAAAA1>, <@U0BBBBBBB2> — due 5 Jan 2027',
        '#14 Someone, someday — unassigned',
      ].join('\n'),
    );
  });

  it('shows the agenda covered and what rolled over', () => {
    const m = wrapUpMessage({
      ...base,
      covered: [{ number: 1, topic: 'Release 1.1' }],
      rolledOver: [{ number: 2, topic: 'SDK sync' }],
    });
    expect(allText(m)).toContain('*Agenda covered*\n1. Release 1.1');
    expect(allText(m)).toContain('*Rolled over to the next meeting*\n2. SDK sync');
  });

  it('links the minutes and the recording, or says how to add the recording', () => {
    expect(allText(wrapUpMessage(base))).toContain(
      ':movie_camera: No recording yet: add it with `/meeting recording &lt;url&gt;`',
    );
    const m = wrapUpMessage({
      ...base,
      minutesUrl: 'https://docs.google.com/document/d/abc/edit',
      recordingUrl: 'https://youtu.be/x?a=1&b=2',
    });
    expect(allText(m)).toContain(':memo: <https://docs.google.com/document/d/abc/edit|Minutes>');
    expect(allText(m)).toContain(':movie_camera: <https://youtu.be/x?a=1&amp;b=2|Recording>');
  });

  it('shows a URL that would break its link as text', () => {
    const m = wrapUpMessage({ ...base, recordingUrl: 'https://x.test/a|<!channel>' });
    expect(allText(m)).toContain('https://x.test/a|&lt;!channel&gt;');
    expect(allText(m)).not.toContain('<!channel>');
  });

  it('escapes what users typed: no mention, broadcast or markup of theirs is live', () => {
    const typed = 'Ping <!channel> and <@U0CCCCCCC3> about *this* & <that>';
    const m = wrapUpMessage({
      ...base,
      title: 'Call <!here>',
      attendees: [{ userId: U1, name: '<!channel> Alice', organization: 'A&B <Corp>' }],
      decisions: [{ number: 1, text: typed, reference: null }],
      actionItems: [{ number: 2, text: typed, owners: [U1], dueDate: null, issueUrl: null }],
      covered: [{ number: 3, topic: typed }],
      rolledOver: [{ number: 4, topic: typed }],
    });
    const text = allText(m);
    const escaped = 'Ping &lt;!channel&gt; and &lt;@U0CCCCCCC3&gt; about *this* &amp; &lt;that&gt;';
    expect(text).toContain(`#1 ${escaped}`);
    expect(text).toContain(`#2 ${escaped} — <@U0AAAAAAA1>`);
    expect(text).toContain(`3. ${escaped}`);
    expect(text).toContain(`4. ${escaped}`);
    expect(text).toContain('&lt;!channel&gt; Alice (A&amp;B &lt;Corp&gt;)');
    expect(textsOf(m.blocks.slice(1)).join('\n')).not.toMatch(/<!(channel|here)|<@U0CCCCCCC3>/);
    // The header is plain text, which Slack never turns into a mention.
    expect(m.blocks[0]).toMatchObject({
      text: { type: 'plain_text', text: 'Wrap-up: Call <!here>, 3 Dec 2026' },
    });
    // A user's `*` stays on its own line, never inside gavel's bold headings.
    expect(text).toContain('*Decisions*\n#1 Ping');
    expect(m.text).toContain('Call &lt;!here&gt;');
  });

  it('holds within Slack’s limits with the largest input gavel accepts', () => {
    const long = (n: number, seed: string) => `${seed} ${'&<@U0CCCCCCC3> *x* '.repeat(n)}`.slice(0, n);
    const owners: SlackUserId[] = Array.from({ length: 10 }, (_, i) => slackUserId(`U0OWNER${i}`));
    const m = wrapUpMessage({
      ...base,
      title: 'T'.repeat(300),
      attendees: Array.from({ length: 200 }, (_, i) => ({
        userId: slackUserId(`U0PERSON${i}`),
        name: `Person ${i} ${'n'.repeat(60)}`,
        organization: i % 3 === 0 ? undefined : `Organisation ${i % 17} & Partners`,
      })),
      decisions: Array.from({ length: 100 }, (_, i) => ({
        number: i + 1,
        text: long(1000, `Decision ${i}`),
        reference: { owner: 'cloudevents', repo: 'spec', number: 100_000 + i },
      })),
      actionItems: Array.from({ length: 100 }, (_, i) => ({
        number: i + 1,
        text: long(1000, `Item ${i}`),
        owners,
        dueDate: '2027-01-05' as LocalDate,
        issueUrl: `https://github.com/cloudevents/spec/issues/${200_000 + i}`,
      })),
      covered: Array.from({ length: 100 }, (_, i) => ({ number: i + 1, topic: long(200, `Topic ${i}`) })),
      rolledOver: Array.from({ length: 100 }, (_, i) => ({
        number: i + 101,
        topic: long(200, `Topic ${i}`),
      })),
      minutesUrl: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit',
      recordingUrl: 'https://zoom.us/rec/share/aVeryLongRecordingIdentifier0123456789',
    });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    const header = m.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    for (const b of m.blocks) {
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
    }
    expect(m.text.length).toBeLessThanOrEqual(40_000);
    // Slack also refuses blocks whose texts add up to about 12,000 (msg_blocks_too_long).
    expect(textsOf(m.blocks).join('').length).toBeLessThanOrEqual(10_000);
    const text = allText(m);
    expect(text).toMatch(/\), … and \d+ more\n/);
    for (const more of text.matchAll(/… and (\d+) more/g)) expect(Number(more[1])).toBeGreaterThan(0);
    expect(text.match(/… and \d+ more/g)).toHaveLength(5);
    expect(text).not.toMatch(/<@U0CCCCCCC3>/);
  });
});

describe('fitting lines into a section', () => {
  it('keeps every line that fits', () => {
    expect(fitSection('*H*', ['a', 'b'], 100)).toBe('*H*\na\nb');
  });

  it('counts the lines it leaves out, and never exceeds the budget', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(i)}`);
    for (const budget of [30, 50, 100, 500, 1000]) {
      const out = fitSection('*Heading*', lines, budget);
      expect(out.length).toBeLessThanOrEqual(budget);
      const kept = out.split('\n').length - 2;
      expect(out.endsWith(`… and ${50 - kept} more`)).toBe(true);
    }
  });

  it('joins with the separator it is given', () => {
    expect(fitSection('*H*', ['Alice', 'Bob', 'Carol'], 24, ', ')).toBe('*H*\nAlice, … and 2 more');
  });
});
