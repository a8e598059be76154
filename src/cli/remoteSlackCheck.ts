import { LogLevel, WebClient } from '@slack/web-api';
import type { AppConfig } from '../config/env.js';
import type { Group } from '../core/group.js';
import { checkBotToken } from '../slackApi/checkBotToken.js';
import { resolveChannels } from '../slackApi/resolveChannels.js';
import {
  type SlackFailure,
  slackFailure,
  slackFailureFix,
  slackFailureText,
} from '../slackApi/slackFailure.js';

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
  const options = {
    slackApiUrl: config.slackApiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    timeout: 15_000,
  };
  const client = new WebClient(config.slack.botToken, options);
  const auth = await checkBotToken(config.slack.botToken, options);
  if (!auth.ok) return { lines: [], problems: [tokenProblem(auth.failure, config.slackApiUrl)] };
  const identity = `bot token accepted by ${config.slackApiUrl}: team ${auth.team}, bot user ${auth.botUserId}`;
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
      problems:
        perGroup.length > 0 ? perGroup : [`conversations.list: ${slackReason(error, config.slackApiUrl)}`],
    };
  }
}

/** Slack's refusal names the token; no answer at all names the address, not the token. */
function tokenProblem(failure: SlackFailure, slackApiUrl: string): string {
  if (failure.kind === 'refused') return `SLACK_BOT_TOKEN: Slack refused it (${failure.error})`;
  const { variable } = slackFailureFix(failure);
  const hint = failure.kind === 'unreachable' ? '; check the network, DNS or proxy, and SLACK_API_URL' : '';
  return `${variable}: ${slackFailureText(failure, slackApiUrl)}${hint}`;
}

function slackReason(error: unknown, slackApiUrl: string): string {
  const failure = slackFailure(error);
  if (failure) return failure.kind === 'refused' ? failure.error : slackFailureText(failure, slackApiUrl);
  return error instanceof Error ? error.message : String(error);
}
