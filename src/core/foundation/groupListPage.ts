import type { GroupSummaryView } from './foundationViews.js';
import { escapeHtml } from './html.js';
import { timeElement } from './meetingTime.js';
import { renderPage } from './pageLayout.js';

/** `GET /`: every group with its description, channel and next meeting. */
export function renderGroupListPage(groups: readonly GroupSummaryView[]): string {
  const items = groups.map(
    (g) => `<li>
<h2 id="group-${escapeHtml(g.id)}"><a href="/groups/${encodeURIComponent(g.id)}">${escapeHtml(g.name)}</a></h2>
${g.description ? `<p>${escapeHtml(firstParagraph(g.description))}</p>` : ''}
<p><span class="muted">Slack:</span> ${escapeHtml(g.channel)}</p>
<p><span class="muted">Next meeting:</span> ${g.next ? timeElement(g.next.startsAt, g.timeZone) : 'none scheduled'}</p>
</li>`,
  );
  return renderPage({
    title: 'Working groups',
    summary: `${groups.length} working groups: their meetings, leads and records.`,
    localizeTimes: groups.some((g) => g.next),
    main: [
      '<h1>Working groups</h1>',
      '<p id="zone-note" class="muted">Times are shown in each group’s time zone.</p>',
      groups.length === 0
        ? '<p>No groups are configured yet.</p>'
        : `<ul class="groups" aria-label="Groups">${items.join('\n')}</ul>`,
    ].join('\n'),
  });
}

/** The list shows a description's first paragraph; the group's page shows all of it. */
export const firstParagraph = (text: string): string =>
  text
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .trim();

/** Paragraphs split at blank lines, each escaped. */
export const paragraphs = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
