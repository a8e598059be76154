import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log/logger.js';

/**
 * Slack user id → the name people know them by, for the ids that could be looked up. A
 * name is a nicety in a doc: a failed lookup leaves that person as `@U…`, never fails the job.
 */
export async function slackNames(
  slack: WebClient,
  userIds: readonly string[],
  log: Logger,
): Promise<Record<string, string>> {
  const unique = [...new Set(userIds)];
  const entries = await Promise.all(
    unique.map(async (id): Promise<[string, string] | undefined> => {
      try {
        const { user } = await slack.users.info({ user: id });
        const name = user?.profile?.display_name || user?.real_name || user?.name;
        return name ? [id, name] : undefined;
      } catch (error) {
        log.debug({ err: error, user: id }, 'users.info failed; the doc shows the user id');
        return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((e): e is [string, string] => e !== undefined));
}
