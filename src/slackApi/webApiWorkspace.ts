import { ErrorCode, type WebClient } from '@slack/web-api';
import { isSlackUserId } from '../core/ids.js';
import type { Log } from '../core/ports/log.js';
import {
  type PendingMessage,
  SlackCallError,
  type SlackMessage,
  type SlackWorkspace,
} from '../core/ports/slackWorkspace.js';

/** A channel with more pending messages of ours than this many pages is not one gavel made. */
const MAX_PAGES = 5;
/** MAX_PAGES of these read 1,000 messages back: more than any channel says in the minutes since a crash. */
const HISTORY_PAGE = 200;
/** The metadata event gavel tags its messages with, `event_payload.key` being the marker. */
const POST_EVENT = 'gavel_post';

/** The SlackWorkspace port over Slack's Web API (Bolt's WebClient, with its timeouts and retries). */
export function webApiWorkspace(client: WebClient, log: Log): SlackWorkspace {
  return {
    post: (channel, message) =>
      call(
        async () =>
          (await client.chat.postMessage({ channel, ...content(message), ...metadata(message) })).ts ?? '',
      ),

    // The marker goes again with every update: the message must stay findable as what it is.
    update: (channel, ts, message) =>
      call(async () => {
        await client.chat.update({ channel, ts, ...content(message), ...metadata(message) });
      }),

    findPosted: (channel, marker, where) => call(() => findPosted(client, channel, marker, where)),

    // Never with metadata: Slack accepts such a scheduled message and then never posts it.
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

    async channelMembers(channel, limit) {
      try {
        return (await client.conversations.members({ channel, limit })).members ?? [];
      } catch (error) {
        log.debug({ err: error, channel }, "conversations.members failed; the file's zones stand alone");
        return [];
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

function metadata(message: SlackMessage) {
  return message.marker === undefined
    ? {}
    : { metadata: { event_type: POST_EVENT, event_payload: { key: message.marker } } };
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

interface HistoryPage {
  readonly messages?: readonly { readonly ts?: string; readonly metadata?: unknown }[];
  readonly response_metadata?: { readonly next_cursor?: string };
}

/**
 * Reads back through the channel (or the thread) since `since`, newest page first. Needs the
 * history scopes of the channel's kind (channels:, groups:, im:history); gavel's own messages
 * are the only ones tagged with its event, so the metadata alone says whose a message is.
 */
async function findPosted(
  client: WebClient,
  channel: string,
  marker: string,
  where: { readonly since: Date; readonly threadTs?: string },
): Promise<string | undefined> {
  const conversation = isSlackUserId(channel) ? await dmChannel(client, channel) : channel;
  const common = {
    channel: conversation,
    // Whole seconds, inclusive: a message in the same second as `since` still counts.
    oldest: String(Math.floor(where.since.getTime() / 1000)),
    inclusive: true,
    include_all_metadata: true,
    limit: HISTORY_PAGE,
  };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next = cursor ? { cursor } : {};
    const answer: HistoryPage = where.threadTs
      ? await client.conversations.replies({ ...common, ts: where.threadTs, ...next })
      : await client.conversations.history({ ...common, ...next });
    const found = answer.messages?.find((m) => hasMarker(m.metadata, marker));
    if (found?.ts) return found.ts;
    cursor = answer.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return undefined;
}

/** Posting to a user id posts in the bot's DM with them; reading history needs that DM's id. */
async function dmChannel(client: WebClient, userId: string): Promise<string> {
  const id = (await client.conversations.open({ users: userId })).channel?.id;
  if (!id) throw new Error(`conversations.open answered without a channel for ${userId}`);
  return id;
}

function hasMarker(metadata: unknown, marker: string): boolean {
  const m = metadata as { event_type?: unknown; event_payload?: { key?: unknown } } | undefined;
  return m?.event_type === POST_EVENT && m.event_payload?.key === marker;
}
