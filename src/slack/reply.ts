import type { KnownBlock, View } from '@slack/types';

/** What a listener answers; the transport (ack body, views.open) is decided in one place. */
export type Reply =
  | { readonly kind: 'ephemeral'; readonly text: string; readonly blocks?: KnownBlock[] }
  | { readonly kind: 'in_channel'; readonly text: string; readonly blocks?: KnownBlock[] }
  | { readonly kind: 'modal'; readonly view: View }
  /**
   * Acknowledge now, answer through response_url when `run` settles: for answers that need a
   * remote call (users.info), which must never delay Slack's 3-second ack.
   */
  | { readonly kind: 'deferred'; readonly run: () => Promise<Reply> };

export const ephemeral = (text: string, blocks?: KnownBlock[]): Reply =>
  blocks ? { kind: 'ephemeral', text, blocks } : { kind: 'ephemeral', text };
export const inChannel = (text: string, blocks?: KnownBlock[]): Reply =>
  blocks ? { kind: 'in_channel', text, blocks } : { kind: 'in_channel', text };
export const modal = (view: View): Reply => ({ kind: 'modal', view });
export const deferred = (run: () => Promise<Reply>): Reply => ({ kind: 'deferred', run });
