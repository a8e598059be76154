import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blocksToText, mrkdwnToPlain } from '../../src/core/preview/blocksToText.js';
import { escapeMrkdwn } from '../../src/core/mrkdwn.js';

describe('Block Kit as plain text, for previews in a terminal', () => {
  it('reads a date token as its fallback unless told how to show it', () => {
    const token = '<!date^1795712400^{date_short_pretty} at {time}|Thu 26 Nov 2026, 09:00 PST (17:00 UTC)>';
    expect(mrkdwnToPlain(`When: ${token}`)).toBe('When: Thu 26 Nov 2026, 09:00 PST (17:00 UTC)');
    expect(mrkdwnToPlain(token, { date: (at) => at.toISOString() })).toBe('2026-11-26T17:00:00.000Z');
  });

  it('shows links with their address, mentions and channels by name or id', () => {
    expect(
      mrkdwnToPlain('<https://zoom.us/j/1|Join> <@U0ALICE01> <#C0GENERAL|general> <#C0RANDOM1> <!here>'),
    ).toBe('Join (https://zoom.us/j/1) @U0ALICE01 #general #C0RANDOM1 @here');
  });

  it('shows text a user typed as they typed it, not as a live ping', () => {
    expect(mrkdwnToPlain(escapeMrkdwn('ping <!channel> & <@U0BOB0001>'))).toBe(
      'ping <!channel> & <@U0BOB0001>',
    );
  });

  it('renders every block kind a gavel message uses, blocks separated by a blank line', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'Serverless WG' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Agenda*' },
        fields: [
          { type: 'mrkdwn', text: '1. CloudEvents &amp; SDKs' },
          { type: 'plain_text', text: '2. Roadmap' },
        ],
      },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'by <@U0ALICE01>' }] },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Add agenda item' } },
          { type: 'button', action_id: 'b', text: { type: 'plain_text', text: 'Mark covered' } },
        ],
      },
    ];
    expect(blocksToText(blocks)).toBe(
      [
        'Serverless WG',
        '*Agenda*\n1. CloudEvents & SDKs\n2. Roadmap',
        '────────',
        'by @U0ALICE01',
        '[Add agenda item] [Mark covered]',
      ].join('\n\n'),
    );
  });
});
