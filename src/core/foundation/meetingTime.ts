import { formatZoned } from '../zonedFormat.js';
import { escapeHtml } from './html.js';

/** How a meeting's start reads in the group's zone: `Thu, Dec 3, 2026, 09:00 PST`. */
export const zonedStart = (instant: Date, timeZone: string): string =>
  formatZoned(instant, timeZone, 'EEE, MMM d, yyyy, HH:mm zzz');

/**
 * A `<time>` with the instant in UTC, showing the group's wall time; the page's script
 * rewrites the text in the reader's zone (data-local) and keeps the group's in the title.
 */
export function timeElement(instant: Date, timeZone: string): string {
  const text = escapeHtml(zonedStart(instant, timeZone));
  return `<time datetime="${instant.toISOString()}" data-local title="${text}">${text}</time>`;
}
