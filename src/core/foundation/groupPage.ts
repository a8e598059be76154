import type { GroupLinks } from '../group.js';
import type { GroupPageView, LastMeetingView, LeadView, MeetingView } from './foundationViews.js';
import { escapeHtml, link } from './html.js';
import { paragraphs } from './groupListPage.js';
import { timeElement } from './meetingTime.js';
import { renderPage } from './pageLayout.js';

const LINK_LABELS: readonly [keyof GroupLinks, string][] = [
  ['repo', 'Repository'],
  ['mailingList', 'Mailing list'],
  ['forum', 'Forum'],
  ['notes', 'Meeting notes'],
  ['recordings', 'Recordings'],
];

/** `GET /groups/<id>`: one group for someone deciding whether (and when) to join. */
export function renderGroupPage(view: GroupPageView): string {
  const main = [
    `<h1>${escapeHtml(view.name)}</h1>`,
    view.description ? paragraphs(view.description) : '',
    section(
      'about',
      'About',
      `<dl class="facts">
<dt>${view.leads.length === 1 ? 'Lead' : 'Leads'}</dt><dd>${view.leads.map(leadHtml).join(', ')}</dd>
<dt>Slack channel</dt><dd>${escapeHtml(view.channel)}</dd>
<dt>Time zone</dt><dd>${escapeHtml(view.timeZone)}</dd>
</dl>`,
    ),
    linksSection(view.links),
    section(
      'subscribe',
      'Subscribe to the meetings',
      `<div class="buttons">
${link(view.feed.webcal, 'Subscribe (Apple Calendar, Outlook)', ' class="button"')}
${link(view.feed.google, 'Add to Google Calendar', ' class="button"')}
</div>
<div class="subscribe-copy">
<label for="feed-url">Or add this address to your calendar app by URL</label>
<input id="feed-url" type="url" readonly value="${escapeHtml(view.feed.https)}">
</div>`,
    ),
    section(
      'upcoming',
      'Next meetings',
      `<p id="zone-note" class="muted">Times are in the group’s time zone, ${escapeHtml(view.timeZone)}.</p>
${
  view.upcoming.length === 0
    ? '<p>No meetings are scheduled.</p>'
    : `<ol class="meetings">${view.upcoming.map((m) => meetingItem(m, view.timeZone)).join('\n')}</ol>`
}`,
    ),
    view.cancelled.length === 0
      ? ''
      : section(
          'cancelled',
          'Cancelled meetings',
          `<ul class="meetings cancelled">${view.cancelled
            .map(
              (c) =>
                `<li><del>${timeElement(c.startsAt, view.timeZone)} · ${escapeHtml(c.title)}</del>${
                  c.reason ? ` <span class="reason">(${escapeHtml(c.reason)})</span>` : ''
                }</li>`,
            )
            .join('\n')}</ul>`,
        ),
    view.last ? lastMeetingSection(view.last, view.timeZone) : '',
  ];
  return renderPage({
    title: view.name,
    summary: view.description ?? `${view.name}: meetings, leads and records.`,
    main: main.filter((part) => part !== '').join('\n'),
    localizeTimes: true,
  });
}

const section = (id: string, heading: string, body: string): string =>
  `<section aria-labelledby="${id}-heading">\n<h2 id="${id}-heading">${escapeHtml(heading)}</h2>\n${body}\n</section>`;

function leadHtml(lead: LeadView): string {
  if (lead.kind === 'github') return link(`https://github.com/${lead.login}`, `@${lead.login}`);
  return lead.kind === 'slack'
    ? escapeHtml(lead.name)
    : '<span class="muted">a lead (name not available)</span>';
}

function linksSection(links: GroupLinks): string {
  const items = LINK_LABELS.flatMap(([key, label]) => {
    const url = links[key];
    if (url === undefined) return [];
    const href = key === 'mailingList' && !/^https?:/i.test(url) ? `mailto:${url}` : url;
    return [`<dt>${label}</dt><dd>${link(href, url)}</dd>`];
  });
  return items.length === 0 ? '' : section('links', 'Links', `<dl class="facts">${items.join('\n')}</dl>`);
}

function meetingItem(m: MeetingView, zone: string): string {
  const join = m.joinUrl ? ` · ${link(m.joinUrl, 'Join')}` : '';
  return `<li>${timeElement(m.startsAt, zone)} · ${escapeHtml(m.title)}${join}</li>`;
}

function lastMeetingSection(last: LastMeetingView, zone: string): string {
  const facts = [
    last.minutesUrl ? `<dt>Minutes</dt><dd>${link(last.minutesUrl, 'Read the minutes')}</dd>` : '',
    last.recordingUrl ? `<dt>Recording</dt><dd>${link(last.recordingUrl, 'Watch the recording')}</dd>` : '',
  ].filter((f) => f !== '');
  const decisions =
    last.decisions.length === 0
      ? '<p>No decisions were recorded.</p>'
      : `<h3>Decisions</h3><ol class="meetings">${last.decisions
          .map((d) => `<li value="${d.number}">${escapeHtml(d.text)}</li>`)
          .join('\n')}</ol>`;
  return section(
    'last',
    'Last meeting',
    `<div class="panel">
<p>${timeElement(last.startsAt, zone)} · ${escapeHtml(last.title)}</p>
${facts.length === 0 ? '' : `<dl class="facts">${facts.join('\n')}</dl>`}
${decisions}
</div>`,
  );
}
