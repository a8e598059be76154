/** What happens to a meeting's open agenda items once it is over. */
export type RolloverPlan =
  | { readonly kind: 'move'; readonly to: string }
  | { readonly kind: 'drop' }
  | { readonly kind: 'keep'; readonly reason: 'no-next-meeting' };

/**
 * A meeting that took place hands its open items to the next meeting, or drops them, as the
 * group chose. A cancelled meeting never took place, so its items always move on: dropping
 * them would punish people for a holiday. With no next meeting planned the items stay
 * where they are, open, rather than being lost.
 */
export function rolloverPlan(input: {
  readonly meetingStatus: 'scheduled' | 'cancelled';
  readonly mode: 'roll-over' | 'drop';
  /** The start of the next scheduled meeting that has not started, if any. */
  readonly next: string | undefined;
}): RolloverPlan {
  if (input.meetingStatus === 'scheduled' && input.mode === 'drop') return { kind: 'drop' };
  return input.next ? { kind: 'move', to: input.next } : { kind: 'keep', reason: 'no-next-meeting' };
}
