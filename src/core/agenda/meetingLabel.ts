import { formatZoned } from '../zonedFormat.js';

/** `Thu 26 Nov`: how a meeting is named in agenda replies, in the group's zone. */
export const meetingLabel = (startsAt: string | Date, timeZone: string): string =>
  formatZoned(new Date(startsAt), timeZone, 'EEE d MMM');

/** `Thu 26 Nov 2026, 09:00 PST`: a meeting in the modal's date picker. */
export const meetingOptionLabel = (startsAt: string | Date, timeZone: string): string =>
  formatZoned(new Date(startsAt), timeZone, 'EEE d MMM yyyy, HH:mm zzz');
