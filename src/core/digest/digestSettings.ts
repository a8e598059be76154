import type { Weekday } from '../group.js';
import type { ChannelId, LocalTime } from '../ids.js';

/** The groups file's `digest:`: when and where the weekly overview of every group is posted. */
export interface DigestSettings {
  /** `#name` (resolved at start, like a group's channel) or a channel id. */
  readonly channel: ChannelId | `#${string}`;
  readonly weekday: Weekday;
  readonly time: LocalTime;
  /** The zone of `weekday` and `time`, and of the week the digest covers (Monday to Sunday). */
  readonly timeZone: string;
}

export interface ResolvedDigest extends DigestSettings {
  readonly channelId: ChannelId;
}

/** The digest setting now running; undefined when there is none (or its channel was not found). */
export interface DigestSource {
  current(): ResolvedDigest | undefined;
}

export interface SwappableDigestSource extends DigestSource {
  replace(next: ResolvedDigest | undefined): void;
}

export function createDigestSource(initial: ResolvedDigest | undefined): SwappableDigestSource {
  let current = initial;
  return {
    current: () => current,
    replace: (next) => {
      current = next;
    },
  };
}
