import type { Occurrence } from '../model/occurrence.js';

/** Who cancelled a meeting that the groups file cancels (`cancelled:` or the meeting gone from it). */
export const CANCELLED_BY_FILE = 'config';

type Cancellation = Pick<Occurrence, 'status' | 'cancelledBy'>;

/**
 * A stored meeting's status once the groups file has been read again: the file's
 * cancellations come and go with the file, a lead's cancellation in Slack stays.
 */
export function cancellationAfterPlan(current: Cancellation, cancelledInFile: boolean): Cancellation {
  if (cancelledInFile) {
    return current.status === 'cancelled'
      ? { status: 'cancelled', cancelledBy: current.cancelledBy }
      : { status: 'cancelled', cancelledBy: CANCELLED_BY_FILE };
  }
  if (current.status === 'cancelled' && current.cancelledBy === CANCELLED_BY_FILE) {
    return { status: 'scheduled', cancelledBy: null };
  }
  return { status: current.status, cancelledBy: current.cancelledBy };
}

/**
 * Whether the groups file cancels this stored meeting (its date under `cancelled:`, or the
 * meeting gone from the file): Slack cannot bring it back, the next plan would cancel it again.
 * `planned` is what the file makes of the meeting's date (`occurrenceOn`).
 */
export function isCancelledInFile(
  occurrence: Pick<Occurrence, 'startsAt' | 'source' | 'cancelledBy'>,
  planned: readonly { readonly startsAt: Date; readonly cancelled: boolean }[],
): boolean {
  if (occurrence.cancelledBy === CANCELLED_BY_FILE) return true;
  if (occurrence.source === 'added') return false;
  return planned.some((p) => p.cancelled && p.startsAt.toISOString() === occurrence.startsAt);
}
