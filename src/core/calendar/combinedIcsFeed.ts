import { calendarHeader, type IcsFeedInput, icsFeedParts } from './icsFeed.js';
import { joinContentLines } from './icsText.js';
import { vtimezoneLines } from './vtimezone.js';

/**
 * Several groups' meetings in one feed: each group's VEVENTs exactly as its own feed has them
 * (same UIDs, same content), one VTIMEZONE per zone covering every group in that zone.
 */
export function renderCombinedIcsFeed(name: string, inputs: readonly IcsFeedInput[]): string {
  const parts = inputs.map(icsFeedParts);
  const zones = new Map<string, { firstYear: number; lastYear: number }>();
  for (const p of parts) {
    const known = zones.get(p.zone);
    zones.set(p.zone, {
      firstYear: Math.min(known?.firstYear ?? p.firstYear, p.firstYear),
      lastYear: Math.max(known?.lastYear ?? p.lastYear, p.lastYear),
    });
  }
  return joinContentLines([
    ...calendarHeader(name),
    ...[...zones].flatMap(([zone, years]) => vtimezoneLines(zone, years.firstYear, years.lastYear)),
    ...parts.flatMap((p) => p.events),
    'END:VCALENDAR',
  ]);
}
