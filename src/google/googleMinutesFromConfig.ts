import type { AppConfig } from '../config/env.js';
import type { MinutesDocs } from '../core/minutes/minutesDocs.js';
import { googleCredentials } from './googleAuth.js';
import { googleMinutesDocs } from './googleMinutesDocs.js';

/** The minutes docs for the validated Google settings (AppConfig.google). */
export function googleMinutesFromConfig(
  google: NonNullable<AppConfig['google']>,
  timing: { readonly timeoutMs?: number } = {},
): MinutesDocs {
  return googleMinutesDocs({
    credentials: googleCredentials(google.auth, {
      customApiRoot: google.apiUrl !== undefined,
      tokenUrl: google.tokenUrl,
    }),
    apiUrl: google.apiUrl,
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
  });
}
