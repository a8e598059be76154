import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

/** Where a group's people are: the groups file's `audience_zones` and its channel members' zones. */
export interface AudienceZones {
  /** Looks the channel's members up again when what is cached is a day old. */
  zonesOf(group: Pick<ResolvedGroup, 'channelId' | 'audienceZones'>): Promise<readonly string[]>;
  /**
   * What is cached, however old, and never a call to Slack: for a reminder due now, which must
   * not wait on a slow Slack (planning, hourly, keeps the cache warm).
   */
  knownZonesOf(group: Pick<ResolvedGroup, 'channelId' | 'audienceZones'>): readonly string[];
}

/**
 * Members looked up per channel: a large community channel's zones are told well enough by its
 * first hundred, and each costs a users.info.
 */
export const MAX_MEMBERS_LOOKED_UP = 100;
/** users.info calls in flight at once: Slack allows about 100 a minute. */
const AT_ONCE = 10;
/** Zones move rarely: a channel's are looked up again once a day. */
const CHANNEL_MS = 24 * 60 * 60_000;
/** A lookup that found nothing (Slack unreachable, or not allowed) is tried again sooner. */
const EMPTY_MS = 60 * 60_000;

/**
 * The file's zones first (in its order), then the members' (most common first). The lookups
 * are cached per channel, so planning hourly costs Slack one conversations.members and a
 * users.info a member per day; without Slack (or a failed lookup) the file's zones stand alone.
 */
export function createAudienceZones(
  workspace: Pick<SlackWorkspace, 'channelMembers' | 'userTimeZone'>,
  clock: Clock,
): AudienceZones {
  const known = new Map<string, { readonly zones: readonly string[]; readonly until: number }>();
  const membersZones = async (channelId: string): Promise<readonly string[]> => {
    const now = clock.now().getTime();
    const cached = known.get(channelId);
    if (cached && cached.until > now) return cached.zones;
    const members = await workspace.channelMembers(channelId, MAX_MEMBERS_LOOKED_UP);
    const zones: (string | undefined)[] = [];
    const chosen = members.slice(0, MAX_MEMBERS_LOOKED_UP);
    for (let i = 0; i < chosen.length; i += AT_ONCE) {
      zones.push(...(await Promise.all(chosen.slice(i, i + AT_ONCE).map((m) => workspace.userTimeZone(m)))));
    }
    const counts = new Map<string, number>();
    for (const z of zones) if (z) counts.set(z, (counts.get(z) ?? 0) + 1);
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([z]) => z);
    known.set(channelId, { zones: sorted, until: now + (sorted.length > 0 ? CHANNEL_MS : EMPTY_MS) });
    return sorted;
  };
  const withFile = (group: Pick<ResolvedGroup, 'audienceZones'>, members: readonly string[]) => [
    ...new Set([...(group.audienceZones ?? []), ...members.filter(isKnownZone)]),
  ];
  return {
    async zonesOf(group) {
      return withFile(group, await membersZones(group.channelId));
    },
    knownZonesOf(group) {
      return withFile(group, known.get(group.channelId)?.zones ?? []);
    },
  };
}

/** A member's zone Slack names but the runtime does not know is left out, not thrown on. */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
