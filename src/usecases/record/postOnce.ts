import type { EffectLedger } from '../../core/ports/effectLedger.js';
import { isSlackCallError, type SlackMessage, type SlackWorkspace } from '../../core/ports/slackWorkspace.js';

/** How far before an attempt's recorded start its message is looked for (clock skew between replicas). */
const LOOK_BACK_MS = 5 * 60_000;

/**
 * Posts a message exactly once under `key`: recorded before and after the call, and carrying
 * the key as its metadata. An attempt cut off between Slack's post and the record (a crash, a
 * lost answer) is recognised by the next one, which finds the message in the channel or
 * thread instead of posting it again. Resolves with the message's ts.
 */
export async function postOnce(
  deps: { readonly effects: EffectLedger; readonly workspace: Pick<SlackWorkspace, 'post' | 'findPosted'> },
  key: string,
  channel: string,
  message: SlackMessage,
  now: Date,
): Promise<string> {
  const { effects, workspace } = deps;
  const earlier = await effects.state(key);
  if (earlier?.state === 'done' && earlier.result) return earlier.result;
  if (earlier?.state === 'started') {
    const since = new Date(Date.parse(earlier.startedAt) - LOOK_BACK_MS);
    const found = await workspace.findPosted(channel, key, {
      since,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    });
    if (found) {
      await effects.finish(key, found, now);
      return found;
    }
  }
  await effects.begin(key, now);
  const ts = await workspace.post(channel, { ...message, marker: key }).catch(async (error: unknown) => {
    // Slack answered with a refusal: nothing was posted, the next attempt starts afresh.
    if (isSlackCallError(error) && error.answered) await effects.forget(key);
    throw error;
  });
  await effects.finish(key, ts, now);
  return ts;
}
