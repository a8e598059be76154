import type { ItemJobPayload } from '../core/todo/todoJobs.js';
import { redrawItemMessage } from '../usecases/todo/itemMessages.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `todo-message` job → redrawItemMessage (one job per change of the item). */
export const todoMessageJob =
  (deps: Parameters<typeof redrawItemMessage>[0]): JobHandler =>
  (job) =>
    redrawItemMessage(deps, parsePayload<ItemJobPayload>(job).itemId);
