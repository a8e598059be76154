import type { ItemJobPayload } from '../core/todo/todoJobs.js';
import {
  type WriteActionItemDeps,
  writeActionItemToMinutes,
} from '../usecases/minutes/writeActionItemToMinutes.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A new action item's line in its meeting's minutes, What / Who / When. */
export function todoMinutesJob(deps: WriteActionItemDeps): JobHandler {
  return async (job, { log }) => {
    const payload = parsePayload<ItemJobPayload>(job);
    const outcome = await writeActionItemToMinutes(deps, payload, log);
    if (outcome.kind === 'no-doc') {
      log.info({ itemId: payload.itemId }, 'the item’s meeting has no minutes doc; not written into minutes');
    }
  };
}
