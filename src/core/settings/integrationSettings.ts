/*
 * The validated settings of the integrations a deployment configures: read from the
 * environment by src/config, consumed by the GitHub and Google adapters. Types only.
 */

export type GithubAuth =
  | { readonly kind: 'token'; readonly token: string }
  | {
      readonly kind: 'app';
      readonly appId: string;
      readonly privateKey: string;
      readonly installationId: string;
    };

export interface GithubSettings {
  readonly auth: GithubAuth;
  readonly apiUrl: string;
  readonly webhookSecret: string | undefined;
}

export type GoogleAuthSettings =
  | { readonly kind: 'service-account-file'; readonly path: string; readonly subject: string | undefined }
  | { readonly kind: 'service-account-json'; readonly json: string; readonly subject: string | undefined }
  | {
      readonly kind: 'oauth';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly refreshToken: string;
    };

export interface GoogleSettings {
  readonly auth: GoogleAuthSettings;
  readonly apiUrl: string | undefined;
  readonly tokenUrl: string | undefined;
  /** GOOGLE_CALENDAR_ID: the shared calendar gavel keeps the meetings in; none when unset. */
  readonly calendarId?: string | undefined;
}
