import type { ActionItemId } from '../core/model/actionItem.js';
import type { TodoDueDmJobPayload, TodoDueJobPayload } from '../core/todo/todoJobs.js';
import { planDueDms, sendDueDm } from '../usecases/todo/dueReminders.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A job about one item whose use case may find nothing to do: that is logged, not failed. */
const skippedIsLogged =
  <P extends { readonly itemId: ActionItemId }>(
    run: (payload: P, now: Date) => Promise<'skipped' | 'planned' | 'sent'>,
    why: string,
  ): JobHandler =>
  async (job, { now, log }) => {
    const payload = parsePayload<P>(job);
    if ((await run(payload, now)) === 'skipped') log.info({ itemId: payload.itemId }, why);
  };

/** A claimed `todo-due` job → planDueDms (each owner's DM for their own morning). */
export const todoDueJob = (deps: Parameters<typeof planDueDms>[0]): JobHandler =>
  skippedIsLogged<TodoDueJobPayload>(
    (payload, now) => planDueDms(deps, payload, now),
    'no due-date DM: the item is done, gone or due on another day',
  );

/** A claimed `todo-due-dm` job → sendDueDm (one DM per item, due date and owner). */
export const todoDueDmJob = (deps: Parameters<typeof sendDueDm>[0]): JobHandler =>
  skippedIsLogged<TodoDueDmJobPayload>(
    (payload, now) => sendDueDm(deps, payload, now),
    'due-date DM skipped: the item changed since it was planned',
  );
