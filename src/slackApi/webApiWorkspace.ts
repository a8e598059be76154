import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Log } from '../core/ports/log.js';
import {
  type PendingMessage,
  SlackCallError,
  type SlackMessage,
  type SlackWorkspace,
} from '../core/ports/slackWorkspace.js';

/** A channel with more pending messages of ours than this many pages is not one gavel made. */
const MAX_PAGES = 5;

/** The SlackWorkspace port over Slack's Web API (Bolt's WebClient, with its timeouts and retries). */
export function webApiWorkspace(client: WebClient, log: Log): SlackWorkspace {
  return {
    post: (channel, message) =>
      call(async () => (await client.chat.postMessage({ channel, ...content(message) })).ts ?? ''),

    update: (channel, ts, message) =>
      call(async () => {
        await client.chat.update({ channel, ts, ...content(message) });
      }),

    schedule: (channel, message, postAt) =>
      call(async () => {
        const answer = await client.chat.scheduleMessage({
          channel,
          ...content(message),
          post_at: Math.floor(postAt.getTime() / 1000),
        });
        if (!answer.scheduled_message_id) throw new Error('chat.scheduleMessage answered without an id');
        return answer.scheduled_message_id;
      }),

    scheduledAt: (channel, postAt) => call(() => pendingAt(client, channel, postAt)),

    deleteScheduled: (channel, id) =>
      call(async () => {
        await client.chat.deleteScheduledMessage({ channel, scheduled_message_id: id });
      }),

    async userNames(userIds) {
      const unique = [...new Set(userIds)];
      const names = await Promise.all(
        unique.map(async (id): Promise<[string, string] | undefined> => {
          try {
            const { user } = await client.users.info({ user: id });
            const name = user?.profile?.display_name || user?.real_name || user?.name;
            return name ? [id, name] : undefined;
          } catch (error) {
            log.debug({ err: error, user: id }, 'users.info failed; the user id stands in for the name');
            return undefined;
          }
        }),
      );
      return new Map(names.filter((n): n is [string, string] => n !== undefined));
    },

    async userTimeZone(userId) {
      try {
        return (await client.users.info({ user: userId })).user?.tz || undefined;
      } catch {
        return undefined;
      }
    },

    async permalink(channel, ts) {
      try {
        return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink;
      } catch {
        return undefined;
      }
    },

    publishHome: (userId, view) =>
      call(async () => {
        await client.views.publish({ user_id: userId, view });
      }),
  };
}

function content(message: SlackMessage) {
  return {
    text: message.text,
    ...(message.blocks ? { blocks: [...message.blocks] } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.unfurl === false ? { unfurl_links: false, unfurl_media: false } : {}),
  };
}

/** Runs one Web API call, turning its failure into a SlackCallError that says whether Slack answered. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toSlackCallError(error);
  }
}

function toSlackCallError(error: unknown): SlackCallError {
  const code = (error as { code?: unknown } | null)?.code;
  const answered =
    code === ErrorCode.PlatformError || code === ErrorCode.HTTPError || code === ErrorCode.RateLimitedError;
  const slackError = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return new SlackCallError(
    error instanceof Error ? error.message : String(error),
    answered,
    typeof slackError === 'string' ? slackError : undefined,
  );
}

/**
 * chat.scheduledMessages.list needs no scope beyond the bot token, and only ever shows this
 * app's own messages.
 */
async function pendingAt(client: WebClient, channel: string, postAt: Date): Promise<PendingMessage[]> {
  const at = Math.floor(postAt.getTime() / 1000);
  const found: PendingMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.chat.scheduledMessages.list({
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
