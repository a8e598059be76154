import type { ActionItem } from '../../core/model/actionItem.js';
import type { SlackEventLog } from '../../core/ports/slackEventLog.js';
import { type ActionItemDraft, type RecordDeps, recordActionItem } from './recordActionItem.js';

export interface RecordConfirmedDeps extends RecordDeps {
  /** Remembers each question's nonce once, on any replica. */
  readonly events: Pick<SlackEventLog, 'firstDelivery'>;
}

export type RecordConfirmed =
  | { readonly kind: 'recorded'; readonly item: ActionItem }
  /** The question was answered already (a second press, or a retry): nothing more recorded. */
  | { readonly kind: 'already' };

/**
 * "Record it anyway": records the item once per question. The question's nonce (the
 * command's trigger id) is claimed first, atomically: a double press or Slack's retry finds
 * it taken and records nothing. A failure after the claim leaves nothing recorded and the
 * user types the command again.
 */
export async function recordConfirmedItem(
  deps: RecordConfirmedDeps,
  nonce: string,
  draft: ActionItemDraft,
): Promise<RecordConfirmed> {
  const first = await deps.events.firstDelivery(`todo-confirm:${nonce}`, deps.clock.now());
  if (!first) return { kind: 'already' };
  return { kind: 'recorded', item: await recordActionItem(deps, draft) };
}
