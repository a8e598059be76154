import type {
  GithubAuth,
  GithubSettings,
  GoogleAuthSettings,
  GoogleSettings,
} from '../core/settings/integrationSettings.js';
import { z } from 'zod';
import { formatIssuePath } from './issuePath.js';

/**
 * Every environment variable gavel reads, validated once at start (main.ts is the only
 * reader of process.env). Messages name the variable and never echo a secret's value.
 */
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const apiUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional(),
  ),
  SLACK_API_URL: apiUrl.default('https://slack.com/api/'),
  PORT: z.coerce.number({ error: 'expected a port number 0–65535' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected postgres://user:password@host:5432/database')
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  GROUPS_FILE: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: optionalText.pipe(apiUrl.optional()),
  HEARTBEAT_SECONDS: z.coerce
    .number({ error: 'expected whole seconds 1–60' })
    .int()
    .min(1)
    .max(60)
    .default(2),
  // Blank counts as unset (`SLACK_CALLS_PER_MINUTE=` as in .env.example).
  SLACK_CALLS_PER_MINUTE: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: 'expected whole calls a minute 10–10000' })
      .int()
      .min(10)
      .max(10_000)
      .default(100),
  ),
  METRICS: optionalText
    .transform((s) => s?.toLowerCase())
    .pipe(z.enum(['on', 'off'], { error: 'expected on or off' }).default('off')),
  METRICS_TOKEN: optionalText.pipe(
    z.string().min(16, 'expected at least 16 characters (e.g. openssl rand -hex 32)').optional(),
  ),

  GITHUB_TOKEN: optionalText,
  GITHUB_APP_ID: optionalText,
  GITHUB_APP_PRIVATE_KEY: optionalText,
  GITHUB_APP_INSTALLATION_ID: optionalText,
  GITHUB_API_URL: apiUrl.default('https://api.github.com'),
  GITHUB_WEBHOOK_SECRET: optionalText,

  GOOGLE_APPLICATION_CREDENTIALS: optionalText,
  GOOGLE_CREDENTIALS_JSON: optionalText,
  GOOGLE_IMPERSONATE: optionalText.pipe(z.email('expected the email of the user to act as').optional()),
  GOOGLE_OAUTH_CLIENT_ID: optionalText,
  GOOGLE_OAUTH_CLIENT_SECRET: optionalText,
  GOOGLE_OAUTH_REFRESH_TOKEN: optionalText,
  GOOGLE_API_URL: optionalText.pipe(apiUrl.optional()),
  GOOGLE_TOKEN_URL: optionalText.pipe(apiUrl.optional()),
  GOOGLE_CALENDAR_ID: optionalText.pipe(
    z
      .string()
      .regex(
        /^(?:primary|[^\s@/?#]+@[^\s@/?#]+\.[^\s@/?#]+)$/,
        'expected a calendar id such as abc123@group.calendar.google.com (Google Calendar → the calendar’s Settings → Integrate calendar → Calendar ID)',
      )
      .optional(),
  ),
});

export type Env = z.output<typeof envSchema>;

export type SlackMode =
  | { readonly kind: 'socket'; readonly botToken: string; readonly appToken: string }
  | { readonly kind: 'http'; readonly botToken: string; readonly signingSecret: string }
  /** No Slack credentials at all: the sandbox (local stand-ins). */
  | { readonly kind: 'none' };

export type { GithubAuth, GoogleAuthSettings } from '../core/settings/integrationSettings.js';

export interface AppConfig {
  readonly slack: SlackMode;
  readonly slackApiUrl: string;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly groupsFile: string | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly publicUrl: string | undefined;
  readonly heartbeatSeconds: number;
  /**
   * The workspace's budget of chat.postMessage and chat.scheduleMessage calls a minute
   * (Slack's limit is shared by both): reminder bursts are handed over early enough to fit.
   */
  readonly slackCallsPerMinute: number;
  /** GET /metrics (METRICS=on), with the bearer token it then requires (METRICS_TOKEN). */
  readonly metrics: { readonly token: string | undefined } | undefined;
  readonly github: GithubSettings | undefined;
  readonly google: GoogleSettings | undefined;
}

export type LoadConfigResult =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

type RawEnv = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: RawEnv): LoadConfigResult {
  const parsed = envSchema.safeParse(env);
  // zod messages describe the expectation, never the received value: secrets stay out.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`)),
    ...combinationProblems(env),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: toConfig(parsed.data) };
}

/** Settings that only make sense together; checked on the raw text so every problem shows at once. */
function combinationProblems(env: RawEnv): string[] {
  const set = (k: string) => (env[k] ?? '').trim() !== '';
  const problems: string[] = [];
  const need = (key: string, why: string) => {
    if (!set(key)) problems.push(`${key}: required ${why}`);
  };
  if (set('SLACK_BOT_TOKEN') || set('SLACK_APP_TOKEN') || set('SLACK_SIGNING_SECRET')) {
    need('SLACK_BOT_TOKEN', 'to talk to Slack (OAuth & Permissions → Bot User OAuth Token)');
    if (!set('SLACK_APP_TOKEN')) {
      need(
        'SLACK_SIGNING_SECRET',
        'in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
      );
    }
  }
  const groups = [
    ['GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID', 'GitHub App authentication'],
    [
      'GOOGLE_OAUTH_CLIENT_ID',
      'GOOGLE_OAUTH_CLIENT_SECRET',
      'GOOGLE_OAUTH_REFRESH_TOKEN',
      'OAuth refresh-token authentication',
    ],
  ] as const;
  for (const [a, b, c, what] of groups) {
    if ([a, b, c].some(set)) for (const k of [a, b, c]) need(k, `with ${a}, ${b} and ${c} (${what})`);
  }
  const googleSet = [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_CREDENTIALS_JSON',
    'GOOGLE_OAUTH_REFRESH_TOKEN',
  ].some(set);
  if (set('GOOGLE_CALENDAR_ID') && !googleSet) {
    problems.push(
      'GOOGLE_CALENDAR_ID: set, but Google is not configured: set GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS_JSON or GOOGLE_OAUTH_* (the same credentials as the minutes)',
    );
  }
  if (set('METRICS_TOKEN') && (env['METRICS'] ?? '').trim().toLowerCase() !== 'on') {
    problems.push('METRICS_TOKEN: set, but METRICS is not on: set METRICS=on to serve GET /metrics');
  }
  return problems;
}

function toConfig(e: Env): AppConfig {
  const slack: SlackMode = !e.SLACK_BOT_TOKEN
    ? { kind: 'none' }
    : e.SLACK_APP_TOKEN
      ? { kind: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN }
      : { kind: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET! };
  return {
    slack,
    slackApiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    groupsFile: e.GROUPS_FILE,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    heartbeatSeconds: e.HEARTBEAT_SECONDS,
    slackCallsPerMinute: e.SLACK_CALLS_PER_MINUTE,
    metrics: e.METRICS === 'on' ? { token: e.METRICS_TOKEN } : undefined,
    github: githubSettings(e),
    google: googleSettings(e),
  };
}

function githubSettings(e: Env): AppConfig['github'] {
  const auth: GithubAuth | undefined = e.GITHUB_APP_ID
    ? {
        kind: 'app',
        appId: e.GITHUB_APP_ID,
        privateKey: e.GITHUB_APP_PRIVATE_KEY!.replace(/\\n/g, '\n'),
        installationId: e.GITHUB_APP_INSTALLATION_ID!,
      }
    : e.GITHUB_TOKEN
      ? { kind: 'token', token: e.GITHUB_TOKEN }
      : undefined;
  return auth ? { auth, apiUrl: e.GITHUB_API_URL, webhookSecret: e.GITHUB_WEBHOOK_SECRET } : undefined;
}

function googleSettings(e: Env): AppConfig['google'] {
  const auth: GoogleAuthSettings | undefined = e.GOOGLE_OAUTH_REFRESH_TOKEN
    ? {
        kind: 'oauth',
        clientId: e.GOOGLE_OAUTH_CLIENT_ID!,
        clientSecret: e.GOOGLE_OAUTH_CLIENT_SECRET!,
        refreshToken: e.GOOGLE_OAUTH_REFRESH_TOKEN,
      }
    : e.GOOGLE_CREDENTIALS_JSON
      ? { kind: 'service-account-json', json: e.GOOGLE_CREDENTIALS_JSON, subject: e.GOOGLE_IMPERSONATE }
      : e.GOOGLE_APPLICATION_CREDENTIALS
        ? {
            kind: 'service-account-file',
            path: e.GOOGLE_APPLICATION_CREDENTIALS,
            subject: e.GOOGLE_IMPERSONATE,
          }
        : undefined;
  return auth
    ? { auth, apiUrl: e.GOOGLE_API_URL, tokenUrl: e.GOOGLE_TOKEN_URL, calendarId: e.GOOGLE_CALENDAR_ID }
    : undefined;
}
