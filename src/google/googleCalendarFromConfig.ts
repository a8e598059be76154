import type { GoogleSettings } from '../core/settings/integrationSettings.js';
import type { SharedCalendar } from '../core/ports/sharedCalendar.js';
import { CALENDAR_SCOPES, googleCredentials } from './googleAuth.js';
import { googleSharedCalendar } from './googleSharedCalendar.js';

/**
 * The shared calendar for the validated Google settings and GOOGLE_CALENDAR_ID. Its own
 * credentials ask for the Calendar scope only, so deployments without a calendar never ask
 * for it (domain-wide delegation refuses a token for a scope the admin did not allow).
 */
export function googleCalendarFromConfig(
  google: GoogleSettings,
  calendarId: string,
  timing: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
): SharedCalendar {
  return googleSharedCalendar({
    credentials: googleCredentials(google.auth, {
      customApiRoot: google.apiUrl !== undefined,
      tokenUrl: google.tokenUrl,
      scopes: CALENDAR_SCOPES,
    }),
    calendarId,
    apiUrl: google.apiUrl,
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
    ...(timing.fetch ? { fetch: timing.fetch } : {}),
  });
}
