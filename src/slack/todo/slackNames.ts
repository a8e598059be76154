import type { WebClient } from '@slack/web-api';

/**
 * How people are called in Slack (display name, else real name), by user id. A lookup that
 * fails falls back to the id: a name is a courtesy, never a reason to fail a job.
 */
export async function slackNames(slack: WebClient, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = await Promise.all(
    unique.map(async (id) => {
      try {
        const { user } = await slack.users.info({ user: id });
        const name = user?.profile?.display_name || user?.real_name || user?.name;
        return name || id;
      } catch {
        return id;
      }
    }),
  );
  return new Map(unique.map((id, i) => [id, names[i]!]));
}

/** A Slack message's permalink, or undefined when Slack cannot say. */
export async function permalinkOf(
  slack: WebClient,
  channel: string,
  ts: string | null,
): Promise<string | undefined> {
  if (!ts) return undefined;
  try {
    return (await slack.chat.getPermalink({ channel, message_ts: ts })).permalink;
  } catch {
    return undefined;
  }
}
