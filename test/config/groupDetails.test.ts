import { describe, expect, it } from 'vitest';
import { parseGroups } from '../../src/config/parseGroups.js';

const group = (details: string) => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U012AB3CD]
    meetings:
      - { day: thursday, time: "09:00" }
${details}`;

describe('the groups file: description and links for the public page', () => {
  it('reads the description and the links, a mailing list as a URL or an e-mail address', () => {
    const r = parseGroups(
      group(`    description: |
      Events and serverless.

      Everyone is welcome.
    links:
      forum: https://github.com/cncf/wg-serverless/discussions
      mailing_list: cncf-wg-serverless@lists.cncf.io
      notes: https://docs.google.com/document/d/abc
      recordings: https://www.youtube.com/playlist?list=PL1
      repo: https://github.com/cncf/wg-serverless`),
    );
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.groups[0]!.description).toBe('Events and serverless.\n\nEveryone is welcome.');
    expect(r.groups[0]!.links).toEqual({
      forum: 'https://github.com/cncf/wg-serverless/discussions',
      mailingList: 'cncf-wg-serverless@lists.cncf.io',
      notes: 'https://docs.google.com/document/d/abc',
      recordings: 'https://www.youtube.com/playlist?list=PL1',
      repo: 'https://github.com/cncf/wg-serverless',
    });
    const web = parseGroups(
      group('    links: { mailing_list: "https://lists.cncf.io/g/cncf-wg-serverless" }'),
    );
    expect(web.ok && web.groups[0]!.links?.mailingList).toBe('https://lists.cncf.io/g/cncf-wg-serverless');
    const none = parseGroups(group(''));
    expect(none.ok && [none.groups[0]!.description, none.groups[0]!.links]).toEqual([undefined, undefined]);
  });

  it('names the path of every wrong field', () => {
    const r = parseGroups(
      group(`    description: "${'x'.repeat(1001)}"
    links:
      forum: javascript:alert(1)
      mailing_list: not an address
      repo: ftp://example.org/repo
      wiki: https://example.org`),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([...r.problems].sort()).toEqual(
      [
        'groups.serverless.description: at most 1000 characters (the page shows it whole)',
        'groups.serverless.links.forum: expected an http(s) URL',
        'groups.serverless.links.mailing_list: expected an http(s) URL or an e-mail address',
        'groups.serverless.links.repo: expected an http(s) URL',
        'groups.serverless.links: Unrecognized key: "wiki"',
      ].sort(),
    );
  });
});
