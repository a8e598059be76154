import { MINUTE_MS } from '../duration.js';
import type { Occurrence } from '../model/occurrence.js';
import type { LocalDate } from '../ids.js';

/** A meeting still counts as "running" this long after its end: items are written up late. */
export const WRAP_UP_MS = 30 * MINUTE_MS;

const scheduled = (occurrences: readonly Occurrence[]) =>
  occurrences.filter((o) => o.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));

/**
 * The meeting a new action item belongs to: the one running at `now` (from its start to 30
 * minutes after its end), else the last one that started before `now`, else none.
 */
export function meetingForNewItem(occurrences: readonly Occurrence[], now: Date): Occurrence | undefined {
  const t = now.getTime();
  const started = scheduled(occurrences).filter((o) => Date.parse(o.startsAt) <= t);
  const running = started.filter((o) => t < Date.parse(o.endsAt) + WRAP_UP_MS);
  return running.at(-1) ?? started.at(-1);
}

/** The date of the first scheduled meeting that has not started yet: what `next meeting` means. */
export function nextMeetingDate(occurrences: readonly Occurrence[], now: Date): LocalDate | undefined {
  const t = now.getTime();
  return scheduled(occurrences).find((o) => Date.parse(o.startsAt) > t)?.localDate;
}
