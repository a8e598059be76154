import { readFileSync } from 'node:fs';
import type { AppConfig } from '../config/env.js';

/**
 * A service-account key that cannot be read or is not a key fails only when the first minutes
 * doc is due, an hour before a meeting; `check` reads it now. Messages name the variable and
 * the field, never the key's content.
 */
export function googleCredentialProblems(google: AppConfig['google']): string[] {
  if (!google) return [];
  const { auth } = google;
  if (auth.kind === 'oauth') return [];
  let text: string;
  const variable =
    auth.kind === 'service-account-file' ? 'GOOGLE_APPLICATION_CREDENTIALS' : 'GOOGLE_CREDENTIALS_JSON';
  if (auth.kind === 'service-account-file') {
    try {
      text = readFileSync(auth.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return [
        `${variable}: cannot read ${auth.path} (${code === 'ENOENT' ? 'file not found' : (code ?? 'unreadable')})`,
      ];
    }
  } else {
    text = auth.json;
  }
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    return [
      `${variable}: not valid JSON (expected a service-account key file from the Google Cloud console)`,
    ];
  }
  const missing = ['client_email', 'private_key'].filter(
    (field) =>
      typeof key !== 'object' || key === null || typeof (key as Record<string, unknown>)[field] !== 'string',
  );
  return missing.length > 0
    ? [`${variable}: not a service-account key (missing ${missing.join(' and ')})`]
    : [];
}
