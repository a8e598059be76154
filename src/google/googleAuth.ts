import { readFileSync } from 'node:fs';
import { JWT, OAuth2Client } from 'google-auth-library';
import type { GoogleAuthSettings } from '../core/settings/integrationSettings.js';

/** The shared calendar's events (GOOGLE_CALENDAR_ID), asked for by its own client only. */
export const CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar.events'] as const;

/** Drive to copy and find docs (in shared drives too), Docs to fill them. */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
] as const;

export interface GoogleCredentials {
  readonly client: JWT | OAuth2Client;
  /** The account the docs are created as (a service account's email), when known. */
  readonly actor: string | undefined;
}

export interface GoogleAuthOptions {
  /**
   * The API root is not Google's (a test server or a private endpoint): a service account
   * then signs its own JWT, which such a server verifies with the key's public half.
   * Google's own Drive API does not accept self-signed JWTs, so against Google the key is
   * exchanged for an access token at the token endpoint.
   */
  readonly customApiRoot: boolean;
  /** The OAuth token endpoint, for the refresh-token flow (GOOGLE_TOKEN_URL). */
  readonly tokenUrl: string | undefined;
  readonly readFile?: (path: string) => string;
  /** What the service account asks for; default Drive and Docs (GOOGLE_SCOPES). */
  readonly scopes?: readonly string[];
}

/**
 * Builds the credentials from the validated settings. Throws an Error naming the setting
 * (never its content) when the key cannot be used.
 */
export function googleCredentials(settings: GoogleAuthSettings, opts: GoogleAuthOptions): GoogleCredentials {
  if (settings.kind === 'oauth') {
    const client = new OAuth2Client({
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      ...(opts.tokenUrl ? { endpoints: { oauth2TokenUrl: opts.tokenUrl } } : {}),
    });
    client.setCredentials({ refresh_token: settings.refreshToken });
    return { client, actor: undefined };
  }
  const [source, text] =
    settings.kind === 'service-account-json'
      ? ['GOOGLE_CREDENTIALS_JSON', settings.json]
      : ['GOOGLE_APPLICATION_CREDENTIALS', readKeyFile(settings.path, opts.readFile)];
  const key = parseServiceAccountKey(text, source);
  const client = new JWT({
    email: key.clientEmail,
    key: key.privateKey,
    ...(key.privateKeyId ? { keyId: key.privateKeyId } : {}),
    scopes: [...(opts.scopes ?? GOOGLE_SCOPES)],
    ...(settings.subject ? { subject: settings.subject } : {}),
  });
  // Domain-wide delegation needs the token endpoint: a self-signed JWT cannot act as a user.
  if (opts.customApiRoot && !settings.subject) client.useJWTAccessWithScope = true;
  return { client, actor: settings.subject ?? key.clientEmail };
}

interface ServiceAccountKey {
  readonly clientEmail: string;
  readonly privateKey: string;
  readonly privateKeyId: string | undefined;
}

function readKeyFile(path: string, read = (p: string) => readFileSync(p, 'utf8')): string {
  try {
    return read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`GOOGLE_APPLICATION_CREDENTIALS: cannot read the key file ${path} (${code})`);
  }
}

export function parseServiceAccountKey(text: string, source: string): ServiceAccountKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      `${source}: expected a service account key in JSON (Google Cloud console → IAM → Service accounts → Keys)`,
    );
  }
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? o[k] : undefined);
  const clientEmail = str('client_email');
  const privateKey = str('private_key');
  if (o['type'] !== 'service_account' || !clientEmail || !privateKey) {
    throw new Error(
      `${source}: expected a service account key (type "service_account" with client_email and private_key)`,
    );
  }
  return { clientEmail, privateKey, privateKeyId: str('private_key_id') };
}
