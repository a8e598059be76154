import { formatZoned } from '../zonedFormat.js';

/** `3 Dec 2026`: a meeting's date as a GitHub comment or a wrap-up names it, in the group's zone. */
export const longDateOf = (startsAt: string | Date, timeZone: string): string =>
  formatZoned(new Date(startsAt), timeZone, 'd MMM yyyy');
