import type { KnownBlock, View } from '@slack/types';

/** What gavel posts: the text is the notification and fallback, the blocks what people see. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: readonly KnownBlock[];
  /** In the thread of this message. */
  readonly threadTs?: string;
  /**
   * Link previews. Off for reminders and item messages: the join link's preview would push the
   * agenda out of sight. Slack's default (on) when absent.
   */
  readonly unfurl?: boolean;
  /**
   * The message's natural key, carried as Slack message metadata so that `findPosted` can
   * find the message again after a crash cut off the answer to its post.
   */
  readonly marker?: string;
}

/** One of the bot's messages that Slack holds to post later. */
export interface PendingMessage {
  readonly id: string;
  readonly text: string;
}

/**
 * The Slack workspace as gavel uses it: the only way use cases and jobs reach Slack.
 * A call that fails throws a SlackCallError, which says whether Slack answered (and so did
 * nothing) or left it unknown (a timeout, a broken connection).
 */
export interface SlackWorkspace {
  /** Posts in a channel, or in a DM when `channel` is a user id; resolves with the message's ts. */
  post(channel: string, message: SlackMessage): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /**
   * The ts of the bot's message posted with `marker` in `channel` (a user id means the DM)
   * since `since`, at the top level or, with `threadTs`, in that thread; undefined if none.
   */
  findPosted(
    channel: string,
    marker: string,
    where: { readonly since: Date; readonly threadTs?: string },
  ): Promise<string | undefined>;
  /** Hands a message to Slack to post at `postAt`; resolves with the scheduled message's id. */
  schedule(channel: string, message: SlackMessage, postAt: Date): Promise<string>;
  /** The bot's messages waiting to be posted in `channel` at exactly `postAt` (whole seconds). */
  scheduledAt(channel: string, postAt: Date): Promise<PendingMessage[]>;
  deleteScheduled(channel: string, scheduledMessageId: string): Promise<void>;
  /**
   * How people are called in Slack (display name, else real name), for the ids that could be
   * looked up. A name is a courtesy: a failed lookup leaves that id out, it never throws.
   */
  userNames(userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The user's time zone as their Slack profile says, or undefined when Slack cannot say. */
  userTimeZone(userId: string): Promise<string | undefined>;
  /**
   * Up to `limit` members of a channel the bot is in (conversations.members, one page), for
   * whom gavel looks up time zones. A courtesy like a name: a failed call answers [].
   */
  channelMembers(channel: string, limit: number): Promise<readonly string[]>;
  /** A message's permalink, or undefined when Slack cannot say. */
  permalink(channel: string, ts: string): Promise<string | undefined>;
  /** Publishes a user's App Home tab. */
  publishHome(userId: string, view: View): Promise<void>;
}

export class SlackCallError extends Error {
  override readonly name = 'SlackCallError';
  constructor(
    message: string,
    /** Slack answered (an error, an HTTP status, a 429): it did not act on the call. */
    readonly answered: boolean,
    /** Slack's error code (`channel_not_found` …), when it gave one. */
    readonly slackError: string | undefined,
  ) {
    super(message);
  }
}

export const isSlackCallError = (e: unknown): e is SlackCallError => e instanceof SlackCallError;
