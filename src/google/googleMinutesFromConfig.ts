import type { GoogleSettings } from '../core/settings/integrationSettings.js';
import type { MinutesDocs } from '../core/ports/minutesDocs.js';
import { googleCredentials } from './googleAuth.js';
import { googleMinutesDocs } from './googleMinutesDocs.js';

/** The minutes docs for the validated Google settings (AppConfig.google). */
export function googleMinutesFromConfig(
  google: GoogleSettings,
  timing: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
): MinutesDocs {
  return googleMinutesDocs({
    credentials: googleCredentials(google.auth, {
      customApiRoot: google.apiUrl !== undefined,
      tokenUrl: google.tokenUrl,
    }),
    apiUrl: google.apiUrl,
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
    ...(timing.fetch ? { fetch: timing.fetch } : {}),
  });
}
