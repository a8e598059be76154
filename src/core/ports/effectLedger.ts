/**
 * Where a side effect that cannot be made idempotent remotely (a Slack post, a GitHub comment)
 * is recorded before and after it is made, under its natural key. An effect found `started`
 * may or may not have happened: the caller looks for its marker on the remote side before
 * making it again.
 */
export type EffectState =
  | { readonly state: 'started'; readonly startedAt: string }
  /** Done; `result` is what the remote side answered (a message's ts), if anything. */
  | { readonly state: 'done'; readonly result: string | null };

export interface EffectLedger {
  state(key: string): Promise<EffectState | undefined>;
  /** Marks the effect started (again): the call is about to be made. */
  begin(key: string, now: Date): Promise<void>;
  finish(key: string, result: string | null, now: Date): Promise<void>;
  /** The remote side refused: nothing happened, the next attempt starts afresh. */
  forget(key: string): Promise<void>;
}
