import type { Clock } from '../../core/clock.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

/** Slack names for the public pages, remembered so a page view does not cost a users.info a lead. */
export interface NameCache {
  names(userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

const FOUND_MS = 60 * 60_000;
/** A failed lookup is asked again sooner: Slack may have been briefly unreachable. */
const MISSING_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

export function createNameCache(workspace: Pick<SlackWorkspace, 'userNames'>, clock: Clock): NameCache {
  const known = new Map<string, { readonly name: string | undefined; readonly until: number }>();
  return {
    async names(userIds) {
      const now = clock.now().getTime();
      const stale = [...new Set(userIds)].filter((id) => (known.get(id)?.until ?? 0) <= now);
      if (stale.length > 0) {
        const found = await workspace.userNames(stale);
        if (known.size + stale.length > MAX_ENTRIES) known.clear();
        for (const id of stale) {
          const name = found.get(id);
          known.set(id, { name, until: now + (name === undefined ? MISSING_MS : FOUND_MS) });
        }
      }
      return new Map(
        userIds.flatMap((id) => {
          const name = known.get(id)?.name;
          return name === undefined ? [] : [[id, name] as const];
        }),
      );
    },
  };
}
