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
