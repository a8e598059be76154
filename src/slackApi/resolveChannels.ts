import type { WebClient } from '@slack/web-api';
import type { Group } from '../core/group.js';
import type { DigestSettings, ResolvedDigest } from '../core/digest/digestSettings.js';
import type { ResolvedGroup } from '../core/groupDirectory.js';
import { type ChannelId, isChannelId } from '../core/ids.js';

/**
 * Groups name their channel by id or `#name`; Slack APIs need ids. Names are resolved
 * once at start with conversations.list (paginated). A name that matches nothing is a
 * configuration error worth stopping for: reminders would otherwise go nowhere.
 */
export async function resolveChannels(groups: readonly Group[], client: WebClient): Promise<ResolvedGroup[]> {
  const wanted = groups.filter((g) => !isChannelId(g.channel)).map((g) => g.channel.slice(1));
  const names = wanted.length > 0 ? await channelNames(client, new Set(wanted)) : new Map<string, string>();
  const missing: string[] = [];
  const resolved = groups.map((g): ResolvedGroup => {
    if (isChannelId(g.channel)) return { ...g, channelId: g.channel, channelLabel: `<#${g.channel}>` };
    const id = names.get(g.channel.slice(1));
    if (!id) missing.push(`groups.${g.id}.channel: no channel named ${g.channel} is visible to the bot`);
    return { ...g, channelId: (id ?? g.channel) as ChannelId, channelLabel: g.channel };
  });
  if (missing.length > 0) {
    throw new Error(
      `${missing.join('\n')}\nUse the channel id (C…), or add the channels:read scope and check the name.`,
    );
  }
  return resolved;
}

/**
 * The digest's channel, resolved as the groups' are. A name that matches nothing is no reason
 * to stop gavel: the answer says why, and the caller runs without the digest.
 */
export async function resolveDigestChannel(
  digest: DigestSettings,
  client: WebClient,
): Promise<{ readonly digest: ResolvedDigest } | { readonly problem: string }> {
  if (isChannelId(digest.channel)) return { digest: { ...digest, channelId: digest.channel } };
  const name = digest.channel.slice(1);
  const id = (await channelNames(client, new Set([name]))).get(name);
  if (!id) {
    return {
      problem: `digest.channel: no channel named ${digest.channel} is visible to the bot; no weekly digest is posted. Use the channel id (C…), or add the channels:read scope and check the name.`,
    };
  }
  return { digest: { ...digest, channelId: id as ChannelId } };
}

export async function channelNames(client: WebClient, wanted: Set<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await client.conversations.list({
      limit: 1000,
      exclude_archived: true,
      types: 'public_channel,private_channel',
      ...(cursor ? { cursor } : {}),
    });
    for (const c of res.channels ?? []) {
      if (c.id && c.name && wanted.has(c.name)) found.set(c.name, c.id);
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor || found.size === wanted.size) break;
  }
  return found;
}
