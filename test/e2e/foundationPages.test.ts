import { afterEach, describe, expect, it } from 'vitest';
import { slackUserId } from '../../src/core/ids.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, MEMBER, OTHER_MEMBER, startHarness } from '../support/gavelHarness.js';
import { expandedStarts, parseFeed } from '../support/icalFeed.js';
import { gid } from '../support/ids.js';
import { FOUNDATION_YAML } from '../support/foundationGroups.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
/** After the first Thursday call (09:00 Los Angeles, 17:00 UTC) of the harness's week. */
const FRIDAY = '2026-11-27T12:00:00.000Z';
const FROM = new Date(MONDAY_NOON);
const TO = new Date('2027-01-01T00:00:00.000Z');

/** What must never reach a public page. */
const SECRETS = [LEAD, MEMBER, OTHER_MEMBER, 'C0SERVERLESS', 'C0CFRUNTIME', 'xoxb-'];

describe.each(ENGINES)('the public pages and the combined calendar on %s', (engine) => {
  let h: GavelHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });
  const start = async (now = MONDAY_NOON) => {
    h = await startHarness({ engine, now, groupsYaml: FOUNDATION_YAML });
    return h;
  };
  const get = (app: GavelHarness, path: string) => fetch(`${app.url}${path}`);
  const text = async (app: GavelHarness, path: string, status = 200) => {
    const res = await get(app, path);
    expect(res.status, path).toBe(status);
    return res.text();
  };
  const uids = (feed: string) =>
    parseFeed(feed)
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('uid')))
      .sort();
  const events = (feed: string) =>
    feed
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) => e.split('END:VEVENT')[0]!.replace(/^DTSTAMP:.*$/m, ''))
      .sort();

  it('serves every group in one calendar, the union of their own feeds, and ?groups= to choose', async () => {
    const app = await start();
    await app.command('/meeting', 'cancel 2026-12-03', { userId: LEAD });
    const serverless = await text(app, '/calendar/serverless.ics');
    const runtime = await text(app, '/calendar/runtime.ics');

    const res = await get(app, '/calendar.ics');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const all = await res.text();
    expect(expandedStarts(all, FROM, TO)).toEqual(
      [...expandedStarts(serverless, FROM, TO), ...expandedStarts(runtime, FROM, TO)].sort(),
    );
    expect(uids(all)).toEqual([...uids(serverless), ...uids(runtime)].sort());
    expect(events(all)).toEqual([...events(serverless), ...events(runtime)].sort());
    expect(all.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(expandedStarts(all, FROM, TO)).not.toContain('2026-12-03T17:00:00.000Z');

    const chosen = await text(app, '/calendar.ics?groups=runtime');
    expect(uids(chosen)).toEqual(uids(runtime));
    expect(expandedStarts(chosen, FROM, TO)).toEqual(expandedStarts(runtime, FROM, TO));

    const unknown = await get(app, '/calendar.ics?groups=runtime,nope,other-one');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('no such group: nope, other-one');
    expect((await get(app, `/calendar.ics?groups=${'a,'.repeat(1500)}a`)).status).toBe(400);
    expect((await get(app, '/calendar.ics?groups=%3Cscript%3E')).status).toBe(400);
  });

  it('lists the groups on / with escaped descriptions and their next meeting, and as Markdown', async () => {
    const app = await start();
    const res = await get(app, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'sha256-");
    const html = await res.text();
    expect(html).toContain('<main id="main">');
    expect(html).toContain('<a href="/groups/serverless">CNCF Serverless WG</a>');
    expect(html).toContain('App Runtime &lt;Interfaces&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('Everyone is welcome'); // the list shows the first paragraph
    expect(html).toContain('#serverless');
    // Thursday 09:00 in Los Angeles, in UTC for the script and in the group's zone for the rest.
    expect(html).toContain('<time datetime="2026-11-26T17:00:00.000Z" data-local');
    expect(html).toContain('Thu, Nov 26, 2026, 09:00 PST');
    expect(html).toContain('Tue, Nov 24, 2026, 16:00 CET');
    for (const secret of SECRETS) expect(html).not.toContain(secret);

    const md = await get(app, '/groups.md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = await md.text();
    expect(markdown).toContain(`## [CNCF Serverless WG](${app.url}/groups/serverless)`);
    expect(markdown).toContain('## [App Runtime &lt;Interfaces&gt;]');
    expect(markdown).toContain('&lt;script&gt;alert\\("x"\\)&lt;/script&gt; &amp; \'quotes\'');
    expect(markdown).toContain('- Next meeting: Thu, Nov 26, 2026, 09:00 PST (2026-11-26T17:00:00.000Z)');
    expect(markdown).toContain(`- Calendar: ${app.url}/calendar/runtime.ics`);
    for (const secret of SECRETS) expect(markdown).not.toContain(secret);
  });

  it("shows a group's page: leads by name, links escaped, subscribe buttons, meetings, cancellations and the last record", async () => {
    const app = await start();
    await app.command('/meeting', 'cancel 2026-12-10', { userId: LEAD });
    app.clock.set(FRIDAY);
    const meeting = '2026-11-26T17:00:00.000Z';
    const { records } = app.gavel.services;
    await records.setRecording(
      gid('serverless'),
      meeting,
      'https://youtu.be/abc',
      slackUserId(LEAD),
      new Date(FRIDAY),
    );
    await records.addDecision(
      {
        groupId: gid('serverless'),
        meetingStartsAt: meeting,
        text: `Adopt the spec, proposed by <@${MEMBER}> &lt;img src=x onerror=alert(1)&gt;`,
        authorId: slackUserId(LEAD),
        reference: null,
      },
      new Date(FRIDAY),
    );

    const html = await text(app, '/groups/serverless');
    expect(html).toContain('<h1>CNCF Serverless WG</h1>');
    expect(html).toContain('<p>Everyone is welcome.</p>');
    expect(html).toContain('<a href="https://github.com/lea-gh">@lea-gh</a>');
    expect(html).toContain('<a href="mailto:cncf-wg-serverless@lists.cncf.io">');
    expect(html).toContain('href="https://evil.example.org/?q=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toMatch(/<img/);
    const webcal = `webcal://127.0.0.1:${new URL(app.url).port}/calendar/serverless.ics`;
    expect(html).toContain(`href="${webcal}"`);
    expect(html).toContain(`href="https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}"`);
    expect(html).toContain('<label for="feed-url">');
    // Next meetings after Friday: Dec 3 and 17 … (Dec 10 is cancelled).
    expect(html).toContain('<time datetime="2026-12-03T17:00:00.000Z" data-local');
    expect(html).toMatch(
      /<del><time datetime="2026-12-10T17:00:00.000Z"[^>]*>Thu, Dec 10, 2026, 09:00 PST<\/time> · Weekly call<\/del> <span class="reason">\(cancelled by Lea Lead\)<\/span>/,
    );
    expect(html).toContain('<a href="https://zoom.us/j/123456789">Join</a>');
    expect(html).toContain('<a href="https://youtu.be/abc">Watch the recording</a>');
    expect(html).toContain('Adopt the spec, proposed by @Alice &lt;img src=x onerror=alert(1)&gt;');
    for (const secret of SECRETS) expect(html).not.toContain(secret);

    const runtime = await text(app, '/groups/runtime');
    expect(runtime).toContain('<dt>Lead</dt><dd>Bob</dd>');
    expect(runtime).not.toContain('Last meeting');
    for (const secret of SECRETS) expect(runtime).not.toContain(secret);
  });

  it('answers 404 with a page for a group that does not exist', async () => {
    const app = await start();
    for (const path of ['/groups/nope', '/groups/..%2Fserverless', '/groups/SERVERLESS']) {
      const res = await get(app, path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<h1>No such group</h1>');
    }
  });
});
