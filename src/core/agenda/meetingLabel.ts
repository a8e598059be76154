import { formatZoned } from '../zonedFormat.js';

/**
 * Labels already made: a busy meeting is named in every reply about it, and Intl formatting
 * was a visible share of an `/agenda add`. Bounded; emptied when full.
 */
const labels = new Map<string, string>();
const MAX_LABELS = 1000;

/** `Thu 26 Nov`: how a meeting is named in agenda replies, in the group's zone. */
export function meetingLabel(startsAt: string | Date, timeZone: string): string {
  const key = `${timeZone} ${typeof startsAt === 'string' ? startsAt : startsAt.toISOString()}`;
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size >= MAX_LABELS) labels.clear();
    label = formatZoned(new Date(startsAt), timeZone, 'EEE d MMM');
    labels.set(key, label);
  }
  return label;
}

/** `Thu 26 Nov 2026, 09:00 PST`: a meeting in the modal's date picker. */
export const meetingOptionLabel = (startsAt: string | Date, timeZone: string): string =>
  formatZoned(new Date(startsAt), timeZone, 'EEE d MMM yyyy, HH:mm zzz');

/** `Thu 26 Nov (in progress)` while the meeting goes on, else `Thu 26 Nov`: says which meeting an add reached. */
export function meetingLabelAt(
  meeting: { readonly startsAt: string; readonly endsAt: string },
  timeZone: string,
  now: Date,
): string {
  const t = now.toISOString();
  const label = meetingLabel(meeting.startsAt, timeZone);
  return meeting.startsAt <= t && t < meeting.endsAt ? `${label} (in progress)` : label;
}
