import { escapeHtml } from './html.js';
import { LOCALIZE_SCRIPT, PAGE_STYLE } from './pageAssets.js';

export interface PageParts {
  readonly title: string;
  /** For the `<meta name="description">`. */
  readonly summary: string;
  /** HTML inside `<main>`, already escaped. */
  readonly main: string;
  /** Whether the page has times for the script to localize. */
  readonly localizeTimes?: boolean;
}

/** A whole public page: landmarks, a skip link, the inline stylesheet (and script). */
export function renderPage(parts: PageParts): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<meta name="description" content="${escapeHtml(parts.summary)}">`,
    '<meta name="color-scheme" content="light">',
    // No icon to fetch: browsers ask for /favicon.ico otherwise.
    '<link rel="icon" href="data:,">',
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    '<header>',
    '<nav aria-label="Site"><a href="/">Working groups</a></nav>',
    '<p>Meetings, leads and records of the groups gavel runs.</p>',
    '</header>',
    `<main id="main">${parts.main}</main>`,
    '<footer><p>Served by gavel. <a href="/groups.md">This list as Markdown</a> · <a href="/calendar.ics">All meetings as a calendar</a></p></footer>',
    parts.localizeTimes ? `<script>${LOCALIZE_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
