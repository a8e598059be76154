import type { GroupSummaryView } from './foundationViews.js';
import { firstParagraph } from './groupListPage.js';
import { zonedStart } from './meetingTime.js';
import { formatZoned } from '../zonedFormat.js';

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * One line of text as Markdown text: inline specials backslashed, HTML's brackets as entities,
 * and a leading heading, quote, list or numbered-list marker defused.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]()|~!]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ENTITIES[c]!)
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/** `GET /groups.md`: the list of `/` as Markdown, for a README or a foundation's website. */
export function renderGroupsMarkdown(groups: readonly GroupSummaryView[], origin: string): string {
  const lines = ['# Working groups', ''];
  for (const g of groups) {
    lines.push(`## [${escapeMarkdown(g.name)}](${origin}/groups/${encodeURIComponent(g.id)})`, '');
    if (g.description) lines.push(escapeMarkdown(firstParagraph(g.description)), '');
    lines.push(`- Slack: ${escapeMarkdown(g.channel)}`);
    lines.push(
      `- Next meeting: ${g.next ? `${escapeMarkdown(zonedStart(g.next.startsAt, g.timeZone))} (${g.next.startsAt.toISOString()})` : 'none scheduled'}`,
    );
    for (const skip of g.skipped ?? []) {
      const why = skip.reason === undefined ? '' : ` (${escapeMarkdown(skip.reason)})`;
      lines.push(`- No meeting: ${formatZoned(skip.startsAt, g.timeZone, 'EEE d MMM yyyy')}${why}`);
    }
    lines.push(`- Calendar: ${origin}/calendar/${encodeURIComponent(g.id)}.ics`, '');
  }
  if (groups.length === 0) lines.push('No groups are configured yet.', '');
  return lines.join('\n');
}
