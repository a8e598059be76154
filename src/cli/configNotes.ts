import type { AppConfig } from '../config/env.js';
import type { Group } from '../core/group.js';
import { isChannelId } from '../core/ids.js';

/**
 * What is legal but worth knowing before `npm start`: features that will be off, channel
 * names that are only resolved at start. Notes never fail `check`; they say what follows.
 */
export function configNotes(
  config: AppConfig | undefined,
  groups: readonly Group[] | undefined,
  remote: boolean,
): string[] {
  const notes: string[] = [];
  if (config?.slack.kind === 'none') {
    notes.push(
      'no Slack credentials: npm start runs the sandbox (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET for a real workspace)',
    );
  }
  for (const g of groups ?? []) {
    if (config && g.minutes && !config.google) {
      notes.push(
        `groups.${g.id}.minutes: Google is not configured (GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS_JSON or GOOGLE_OAUTH_*): minutes are off`,
      );
    }
    if (config && g.github && !config.github) {
      notes.push(
        `groups.${g.id}.github: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): action items get no GitHub issue`,
      );
    }
    if (config && g.agendaGithub && !config.github) {
      notes.push(
        `groups.${g.id}.agenda.github: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): no agenda items come from GitHub`,
      );
    }
    if (config && (g.agendaCounts ?? []).length > 0 && !config.github) {
      notes.push(
        `groups.${g.id}.agenda.counts: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): the counts show as unavailable`,
      );
    }
    if (config && g.archive && !config.github) {
      notes.push(
        `groups.${g.id}.archive: GitHub is not configured (GITHUB_TOKEN or GITHUB_APP_*): meetings are not published`,
      );
    }
  }
  const named = (groups ?? []).filter((g) => !isChannelId(g.channel));
  if (named.length > 0 && !remote) {
    notes.push(
      `channel names (${named.map((g) => g.channel).join(', ')}) are resolved when gavel starts; \`check --remote\` resolves them now`,
    );
  }
  return notes;
}
