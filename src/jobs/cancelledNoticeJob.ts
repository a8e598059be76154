import type { CancelledNoticePayload } from '../core/meeting/cancelledNotice.js';
import { type CancelledNoticeDeps, postCancelledNotice } from '../usecases/meeting/postCancelledNotice.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A meeting the groups file cancels, told to the channel ahead → postCancelledNotice. */
export const cancelledNoticeJob =
  (deps: CancelledNoticeDeps): JobHandler =>
  async (job, { now, log }) => {
    const payload = parsePayload<CancelledNoticePayload>(job);
    const result = await postCancelledNotice(deps, payload, now);
    if (result.posted)
      log.info({ group: payload.groupId, startsAt: payload.startsAt }, 'cancellation notice posted');
    else
      log.info(
        { group: payload.groupId, startsAt: payload.startsAt, why: result.why },
        'cancellation notice not posted',
      );
  };
