import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/core/foundation/groupsMarkdown.js';
import { escapeHtml, safeHref } from '../../src/core/foundation/html.js';
import { publicText } from '../../src/core/foundation/publicText.js';
import { feedLinks } from '../../src/core/foundation/foundationViews.js';

describe('text on the public pages', () => {
  it('escapes HTML and keeps only http(s), mailto and webcal links', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' data:text/html,x')).toBe('#');
    expect(safeHref('https://x.org/?a="b"')).toBe('https://x.org/?a=&quot;b&quot;');
    expect(safeHref('mailto:wg@x.org')).toBe('mailto:wg@x.org');
  });

  it('turns Slack markup into public text: names for mentions, never a Slack id', () => {
    const names = new Map([['U0ALICE01', 'Alice']]);
    expect(
      publicText(
        'By <@U0ALICE01> and <@U0BOB0001|bob>, <@W0NONAME1> in <#C0123ABCD|general> <!here>: see <https://x.org|the spec> &lt;b&gt; &amp;',
        names,
      ),
    ).toBe('By @Alice and @bob, @someone in #general @here: see the spec (https://x.org) <b> &');
    expect(publicText('<@U0BOB0001|U0BOB0001>', names)).toBe('@someone');
  });

  it('escapes Markdown so a name stays text', () => {
    expect(escapeMarkdown('# [x](javascript:y) *b* <i>')).toBe(
      '\\# \\[x\\]\\(javascript:y\\) \\*b\\* &lt;i&gt;',
    );
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
  });

  it('subscribes by webcal:// and by Google Calendar URL', () => {
    expect(feedLinks('https://g.example.org/calendar/wg.ics')).toEqual({
      https: 'https://g.example.org/calendar/wg.ics',
      webcal: 'webcal://g.example.org/calendar/wg.ics',
      google: 'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fg.example.org%2Fcalendar%2Fwg.ics',
    });
  });
});
