import type { DstNoticePayload } from '../core/dst/dstNoticeJob.js';
import { type DstNoticeDeps, postDstNotice } from '../usecases/dst/postDstNotice.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A clock change that shifts meetings for part of the audience, told ahead → postDstNotice. */
export const dstNoticeJob =
  (deps: DstNoticeDeps): JobHandler =>
  async (job, { now, log }) => {
    const payload = parsePayload<DstNoticePayload>(job);
    const result = await postDstNotice(deps, payload, now);
    if (result.posted) log.info({ group: payload.groupId, startsAt: payload.startsAt }, 'DST notice posted');
    else
      log.info(
        { group: payload.groupId, startsAt: payload.startsAt, why: result.why },
        'DST notice not posted',
      );
  };
