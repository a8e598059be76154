import { formatZoned } from './zonedFormat.js';
import type { LocalDate } from './ids.js';

/**
 * A time every reader sees in their own zone: Slack's `<!date>` token. The fallback (for
 * notifications and old clients) names the group's zone and UTC explicitly.
 */
export function slackDate(instant: Date, timeZone: string, format = '{date_short_pretty} at {time}'): string {
  const unix = Math.floor(instant.getTime() / 1000);
  return `<!date^${unix}^${format}|${zonedLabel(instant, timeZone)}>`;
}

/** `Thu 26 Nov 2026, 09:00 PST (17:00 UTC)`. */
export function zonedLabel(instant: Date, timeZone: string): string {
  const local = formatZoned(instant, timeZone, 'EEE d MMM yyyy, HH:mm zzz');
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return local;
  return `${local} (${formatZoned(instant, 'UTC', 'HH:mm')} UTC)`;
}

/** `09:00 PST` in the group's zone. */
export const zonedTime = (instant: Date, timeZone: string): string =>
  formatZoned(instant, timeZone, 'HH:mm zzz');

/** `2026-11-26` in the group's zone. */
export const zonedDate = (instant: Date, timeZone: string): LocalDate =>
  formatZoned(instant, timeZone, 'yyyy-MM-dd') as LocalDate;
