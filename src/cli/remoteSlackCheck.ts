import { LogLevel, WebClient } from '@slack/web-api';
import type { AppConfig } from '../config/env.js';
import type { Group } from '../core/group.js';
import { resolveChannels } from '../slackApi/resolveChannels.js';

export interface RemoteCheck {
  readonly lines: readonly string[];
  readonly problems: readonly string[];
}

/**
 * `check --remote`: asks Slack what start-up would ask (auth.test, then conversations.list
 * for `#name` channels) so a bad token or a misspelt channel shows before deploying.
 * No retries: a terminal user wants the answer, not a back-off.
 */
export async function remoteSlackCheck(config: AppConfig, groups: readonly Group[]): Promise<RemoteCheck> {
  if (config.slack.kind === 'none') {
    return {
      lines: [],
      problems: ['--remote: needs SLACK_BOT_TOKEN (there are no Slack credentials to check)'],
    };
  }
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slackApiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    timeout: 15_000,
  });
  let identity: string;
  try {
    const auth = await client.auth.test();
    identity = `bot token accepted by ${config.slackApiUrl}: team ${auth.team ?? '?'}, bot user ${auth.user_id ?? '?'}`;
  } catch (error) {
    return { lines: [], problems: [`SLACK_BOT_TOKEN: Slack refused it (${slackReason(error)})`] };
  }
  try {
    const resolved = await resolveChannels(groups, client);
    const channels = resolved
      .filter((g) => g.channel !== g.channelId)
      .map((g) => `${g.channel} → ${g.channelId}`);
    return {
      lines: [
        identity,
        channels.length > 0 ? `channels resolved: ${channels.join(', ')}` : 'every channel is given by id',
      ],
      problems: [],
    };
  } catch (error) {
    // resolveChannels lists one `groups.<id>.channel: …` line per name it could not find.
    const message = error instanceof Error ? error.message : String(error);
    const perGroup = message.split('\n').filter((l) => l.startsWith('groups.'));
    return {
      lines: [identity],
      problems: perGroup.length > 0 ? perGroup : [`conversations.list: ${slackReason(error)}`],
    };
  }
}

function slackReason(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}
