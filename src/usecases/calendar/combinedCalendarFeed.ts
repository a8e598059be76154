import { renderCombinedIcsFeed } from '../../core/calendar/combinedIcsFeed.js';
import type { GroupDirectory, ResolvedGroup } from '../../core/groupDirectory.js';
import { type CalendarFeedDeps, calendarFeedInput } from './groupCalendarFeed.js';

export type CombinedFeedResult =
  | { readonly ok: true; readonly body: string }
  /** Ids that name no group, in the order asked. */
  | { readonly ok: false; readonly unknown: readonly string[] };

/**
 * Every group's meetings in one feed (or only the groups named, in the groups file's order):
 * the same events, with the same UIDs, as each group's own feed.
 */
export async function combinedCalendarFeed(
  deps: Omit<CalendarFeedDeps, 'groups'> & { readonly groups: Pick<GroupDirectory, 'all' | 'byId'> },
  groupIds: readonly string[] | undefined,
  host: string,
): Promise<CombinedFeedResult> {
  const unknown = (groupIds ?? []).filter((id) => deps.groups.byId(id) === undefined);
  if (unknown.length > 0) return { ok: false, unknown: [...new Set(unknown)] };
  const wanted = groupIds === undefined ? undefined : new Set(groupIds);
  const groups: readonly ResolvedGroup[] = deps.groups.all().filter((g) => !wanted || wanted.has(g.id));
  const now = deps.clock.now();
  const inputs = await Promise.all(groups.map((g) => calendarFeedInput(deps, g, host, now)));
  const name = groups.length === 1 ? groups[0]!.name : 'Working group meetings';
  return { ok: true, body: renderCombinedIcsFeed(name, inputs) };
}
