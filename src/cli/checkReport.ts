import { join } from 'node:path';
import type { AppConfig } from '../config/env.js';
import { formatDurationMinutes } from '../core/duration.js';
import type { DigestSettings } from '../core/digest/digestSettings.js';
import type { Group } from '../core/group.js';

export interface CheckFindings {
  /** Where the settings came from, e.g. `.env and the process environment`. */
  readonly envSource: string;
  readonly config: AppConfig | undefined;
  readonly groupsFile: string;
  readonly usedExample: boolean;
  readonly groups: readonly Group[] | undefined;
  /** The groups file's weekly digest, if any. */
  readonly digest?: DigestSettings | undefined;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly remote: readonly string[];
  /** What GitHub answered for the agendas' labelled sources and counts (--remote). */
  readonly remoteGithub?: readonly string[];
}

/**
 * The report `gavel check` prints. It names settings by kind and variable, never by value:
 * the one URL that may hold a password (DATABASE_URL) is shown without its credentials.
 */
export function checkReport(f: CheckFindings): string {
  const lines: string[] = [];
  const count = f.problems.length;
  lines.push(
    count === 0
      ? 'gavel check: the configuration is valid'
      : `gavel check: ${count} problem${count === 1 ? '' : 's'}`,
  );
  if (count > 0) {
    lines.push('', 'Problems', ...f.problems.map((p) => `  ✗ ${p}`));
  }
  if (f.config) {
    lines.push(
      '',
      `Environment (${f.envSource})`,
      ...environmentLines(f.config).map(([k, v]) => `  ${k.padEnd(10)}${v}`),
    );
  }
  if (f.remote.length > 0) {
    lines.push('', 'Slack, asked just now (--remote)', ...f.remote.map((l) => `  ${l}`));
  }
  if (f.remoteGithub && f.remoteGithub.length > 0) {
    lines.push('', 'GitHub, asked just now (--remote)', ...f.remoteGithub.map((l) => `  ${l}`));
  }
  if (f.groups) {
    const n = f.groups.length;
    lines.push(
      '',
      `Groups (${f.groupsFile}${f.usedExample ? ', the example file' : ''}): ${n} group${n === 1 ? '' : 's'}`,
    );
    const width = Math.max(...f.groups.map((g) => g.id.length)) + 2;
    lines.push(...f.groups.map((g) => `  ${g.id.padEnd(width)}${groupSummary(g)}`));
    if (f.digest) lines.push('', `Weekly digest: ${digestSummary(f.digest)}`);
  }
  if (f.notes.length > 0) {
    lines.push('', 'Notes', ...f.notes.map((n) => `  - ${n}`));
  }
  return `${lines.join('\n')}\n`;
}

function environmentLines(c: AppConfig): [string, string][] {
  const slack =
    c.slack.kind === 'socket'
      ? 'Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN)'
      : c.slack.kind === 'http'
        ? `HTTP mode on ${c.host}:${c.port} (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)`
        : 'none: the sandbox';
  const github = !c.github
    ? 'not configured'
    : `${c.github.auth.kind === 'app' ? 'GitHub App (GITHUB_APP_*)' : 'token (GITHUB_TOKEN)'} at ${c.github.apiUrl}; ${
        c.github.webhookSecret
          ? 'webhook secret set'
          : 'no webhook secret: a periodic job reconciles items with their issues'
      }`;
  const google = !c.google
    ? 'not configured'
    : c.google.auth.kind === 'oauth'
      ? 'OAuth refresh token (GOOGLE_OAUTH_*)'
      : `service account (${c.google.auth.kind === 'service-account-file' ? `key file ${c.google.auth.path}` : 'GOOGLE_CREDENTIALS_JSON'})${
          c.google.auth.subject ? ', acting as a Workspace user (GOOGLE_IMPERSONATE)' : ''
        }`;
  return [
    ['Slack', slack],
    ['Database', databaseLabel(c)],
    ['GitHub', github],
    ['Google', google],
    [
      'Calendar',
      c.publicUrl
        ? `${c.publicUrl.replace(/\/$/, '')}/calendar/<group>.ics`
        : 'served at /calendar/<group>.ics (PUBLIC_URL not set)',
    ],
  ];
}

function databaseLabel(c: AppConfig): string {
  if (!c.databaseUrl) return `SQLite at ${join(c.dataDir, 'gavel.sqlite')}`;
  try {
    const u = new URL(c.databaseUrl);
    return `PostgreSQL at ${u.host}${u.pathname} (DATABASE_URL)`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

function groupSummary(g: Group): string {
  const meetings = g.meetings.length + g.extraMeetings.length;
  return [
    g.name,
    g.channel,
    g.timeZone,
    `${meetings} meeting${meetings === 1 ? '' : 's'}`,
    g.reminderLeadMinutes.length > 0
      ? `reminders ${g.reminderLeadMinutes.map(formatDurationMinutes).join(', ')}`
      : 'no reminders',
    g.minutes ? `minutes: ${g.minutes.mode === 'running' ? 'running doc' : 'doc per meeting'}` : 'no minutes',
    g.github ? `issues in ${g.github.owner}/${g.github.repo}` : 'no GitHub issues',
    ...(g.archive
      ? [
          `published to ${g.archive.owner}/${g.archive.repo} (${g.archive.mode === 'commit' ? 'commit' : 'pull request'}, ${formatDurationMinutes(g.archive.afterMinutes)} after the end)`,
        ]
      : []),
  ].join(' · ');
}

/** `every Friday at 16:00 Europe/Berlin in #wg-all, next week's meetings (Monday to Sunday) of every group`. */
function digestSummary(d: DigestSettings): string {
  const day = `${d.weekday.slice(0, 1).toUpperCase()}${d.weekday.slice(1)}`;
  return `every ${day} at ${d.time} ${d.timeZone} in ${d.channel}, next week's meetings (Monday to Sunday) of every group`;
}
