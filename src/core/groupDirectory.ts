import type { Group } from './group.js';
import type { ChannelId, GroupId } from './ids.js';

/** Groups with their channels resolved to ids: which group does this channel belong to? */
export interface GroupDirectory {
  all(): readonly ResolvedGroup[];
  byId(id: GroupId | string): ResolvedGroup | undefined;
  byChannel(channel: ChannelId | string): ResolvedGroup | undefined;
}

export interface ResolvedGroup extends Group {
  readonly channelId: ChannelId;
  /** `#serverless` for humans, whether configured by name or by id. */
  readonly channelLabel: string;
}

export function createGroupDirectory(groups: readonly ResolvedGroup[]): GroupDirectory {
  const byId = new Map(groups.map((g) => [g.id as string, g]));
  const byChannel = new Map(groups.map((g) => [g.channelId as string, g]));
  return {
    all: () => groups,
    byId: (id) => byId.get(id),
    byChannel: (channel) => byChannel.get(channel),
  };
}

/**
 * A directory whose groups can be replaced while gavel runs (the groups file changed).
 * Readers always see one whole set: the swap is a single assignment.
 */
export interface SwappableGroupDirectory extends GroupDirectory {
  replace(groups: readonly ResolvedGroup[]): void;
}

export function createSwappableGroupDirectory(groups: readonly ResolvedGroup[]): SwappableGroupDirectory {
  let current = createGroupDirectory(groups);
  return {
    all: () => current.all(),
    byId: (id) => current.byId(id),
    byChannel: (channel) => current.byChannel(channel),
    replace: (next) => {
      current = createGroupDirectory(next);
    },
  };
}
