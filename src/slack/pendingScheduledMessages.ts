import type { WebClient } from '@slack/web-api';

/** A channel with more pending messages of ours than this is not one gavel made. */
const MAX_PAGES = 5;

export interface PendingMessage {
  readonly id: string;
  readonly text: string;
}

/**
 * The bot's messages still waiting to be posted in `channel` at exactly `postAt` (whole
 * seconds, as Slack keeps them). chat.scheduledMessages.list needs no scope beyond the bot
 * token, and only ever shows this app's own messages.
 */
export async function pendingScheduledMessages(
  slack: WebClient,
  channel: string,
  postAt: Date,
): Promise<PendingMessage[]> {
  const at = Math.floor(postAt.getTime() / 1000);
  const found: PendingMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await slack.chat.scheduledMessages.list({
      channel,
      oldest: String(at - 1),
      latest: String(at + 1),
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const m of answer.scheduled_messages ?? []) {
      // Filtered here too: Slack's time range is a hint for some token types, not a promise.
      if (m.channel_id === channel && m.post_at === at && m.id) found.push({ id: m.id, text: m.text ?? '' });
    }
    cursor = answer.response_metadata?.next_cursor;
    if (!cursor) break;
  }
  return found;
}
