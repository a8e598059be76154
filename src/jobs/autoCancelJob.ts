import type { AutoCancelPayload } from '../core/meeting/autoCancel.js';
import { type AutoCancelDeps, autoCancelMeeting } from '../usecases/meeting/autoCancelMeeting.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

export { AUTO_CANCEL_JOB } from '../core/meeting/autoCancel.js';

/** A claimed auto-cancel → autoCancelMeeting, the outcome logged. */
export const autoCancelJob =
  (deps: AutoCancelDeps): JobHandler =>
  async (job, { now, log }) => {
    const outcome = await autoCancelMeeting(deps, parsePayload<AutoCancelPayload>(job), now);
    log.info({ outcome }, 'auto-cancel for want of an agenda');
  };
