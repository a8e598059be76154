import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/core/mrkdwn.js';

describe('escaping user text for Slack', () => {
  it.each([
    ['<!channel> please review', '&lt;!channel&gt; please review'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['cc <@U0123ABCD>', 'cc &lt;@U0123ABCD&gt;'],
    ['<#C0123ABCD|general>', '&lt;#C0123ABCD|general&gt;'],
    ['<!subteam^S0123|@leads>', '&lt;!subteam^S0123|@leads&gt;'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
  ])('neutralises %s', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('keeps links the user pasted clickable, escaping their labels', () => {
    expect(escapeMrkdwn('see <https://github.com/cncf/wg-serverless/pull/1>')).toBe(
      'see <https://github.com/cncf/wg-serverless/pull/1>',
    );
    expect(escapeMrkdwn('<https://example.org/a?b=1&c=2|notes & *slides*>')).toBe(
      '<https://example.org/a?b=1&amp;c=2|notes &amp; *slides*>',
    );
    // A label hiding a mention is not a link at all: everything is shown literally.
    expect(escapeMrkdwn('<https://example.org|hi <!channel>>')).toBe(
      '&lt;https://example.org|hi &lt;!channel&gt;&gt;',
    );
  });

  it('does not double-escape text Slack already escaped', () => {
    expect(escapeMrkdwn('a &amp; b &lt;!here&gt;')).toBe('a &amp; b &lt;!here&gt;');
  });

  it('keeps emoji, CJK and RTL text as they are', () => {
    expect(escapeMrkdwn('🎉 会议 مرحبا')).toBe('🎉 会议 مرحبا');
  });

  it('never lets a special mention, user mention or channel link through, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '!', '@', '#', '|', '&', 'a', 'U', 'h', ':', '/', ' ') }),
        (s) => {
          const out = escapeMrkdwn(s);
          expect(out).not.toMatch(/<[!@#]/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
