import type { DigestPayload } from '../core/digest/digestWeek.js';
import { postWeeklyDigest, type WeeklyDigestDeps } from '../usecases/foundation/postWeeklyDigest.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** The weekly digest's job → postWeeklyDigest. */
export const digestJob =
  (deps: WeeklyDigestDeps): JobHandler =>
  async (job, { now, log }) => {
    const payload = parsePayload<DigestPayload>(job);
    const result = await postWeeklyDigest(deps, payload, now);
    if (result.posted) log.info({ week: payload.isoWeek, meetings: result.meetings }, 'weekly digest posted');
    else log.info({ week: payload.isoWeek, why: result.why }, 'weekly digest not posted');
  };
