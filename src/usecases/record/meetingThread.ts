import type { EffectLedger } from '../../core/ports/effectLedger.js';
import { meetingStartKey } from '../../core/record/recordJobs.js';

/**
 * The ts of the meeting's start post, under which everything later about the meeting is
 * threaded; undefined when it was never posted (then those posts go to the channel).
 */
export async function meetingThreadTs(
  deps: { readonly effects: Pick<EffectLedger, 'state'> },
  groupId: string,
  startsAt: string,
): Promise<string | undefined> {
  const state = await deps.effects.state(meetingStartKey(groupId, startsAt));
  return state?.state === 'done' ? (state.result ?? undefined) : undefined;
}

/** How long after a meeting's start a thread post waits for the start post before going to the channel. */
const START_POST_GRACE_MS = 5 * 60_000;

/**
 * Where a post about the meeting goes: its thread, or the channel when the meeting has no
 * start post. Something recorded in the minutes before the start (the record opens 10 minutes
 * early) would otherwise land in the channel just before its thread appears: until a few
 * minutes after the start this throws, and the job is retried.
 */
export async function threadForPost(
  deps: { readonly effects: Pick<EffectLedger, 'state'> },
  groupId: string,
  startsAt: string,
  now: Date,
): Promise<string | undefined> {
  const ts = await meetingThreadTs(deps, groupId, startsAt);
  if (ts === undefined && now.getTime() < Date.parse(startsAt) + START_POST_GRACE_MS) {
    throw new Error('the meeting’s start post is not there yet; this goes in its thread');
  }
  return ts;
}
