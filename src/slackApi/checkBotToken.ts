import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { type SlackFailure, slackFailure } from './slackFailure.js';

export type BotTokenCheck =
  | { readonly ok: true; readonly team: string; readonly botUserId: string }
  | { readonly ok: false; readonly failure: SlackFailure };

/**
 * Asks Slack who the bot is (`auth.test`): what start-up and `check --remote` ask first, so a
 * refused token or an unreachable Slack is told apart and said before anything else happens.
 * The client's own warnings stay quiet: the caller reports the outcome once. Anything other
 * than a Web API error is thrown.
 */
export async function checkBotToken(token: string, options: WebClientOptions): Promise<BotTokenCheck> {
  const client = new WebClient(token, { logLevel: LogLevel.ERROR, ...options });
  try {
    const auth = await client.auth.test();
    return { ok: true, team: auth.team ?? '?', botUserId: auth.user_id ?? '?' };
  } catch (error) {
    const failure = slackFailure(error);
    if (!failure) throw error;
    return { ok: false, failure };
  }
}
