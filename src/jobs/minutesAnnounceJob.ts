import type { MinutesAnnouncePayload } from '../core/minutes/minutesJobPlan.js';
import { type AnnounceMinutesDeps, announceMinutes } from '../usecases/minutes/announceMinutes.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** The channel post that links a meeting's minutes, once per meeting. */
export function minutesAnnounceJob(deps: AnnounceMinutesDeps): JobHandler {
  return async (job, { log }) => {
    const payload = parsePayload<MinutesAnnouncePayload>(job);
    if ((await announceMinutes(deps, payload)) === 'skipped') {
      log.info({ group: payload.groupId }, 'minutes announcement skipped: no scheduled meeting with minutes');
      return;
    }
    log.info('minutes announced');
  };
}
