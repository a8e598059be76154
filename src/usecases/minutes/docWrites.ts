import type { Log } from '../../core/ports/log.js';
import type { KeyedSerial } from './keyedSerial.js';

const docKey = (docId: string) => `doc:${docId}`;

/**
 * Runs one read-then-edit of a minutes doc with no other write to that doc in between: a
 * meeting's new section and an action item's line share the key (the doc's id), so an offset
 * computed from a read is still right when the edit lands.
 */
export function writingDoc<T>(
  serial: KeyedSerial,
  docId: string,
  log: Log,
  task: () => Promise<T>,
): Promise<T> {
  if (serial.busy(docKey(docId))) {
    log.debug({ doc: docId }, 'another write to the minutes doc is under way; waiting for it');
  }
  return serial(docKey(docId), task);
}

/**
 * Creating one meeting's minutes, one attempt at a time (the schedule and `/meeting notes` may
 * race): the stored id, then the name in the folder, then the copy, without a second doc.
 */
export const creatingMinutes = <T>(
  serial: KeyedSerial,
  groupId: string,
  startsAt: string,
  task: () => Promise<T>,
): Promise<T> => serial(`meeting:${groupId}|${startsAt}`, task);
