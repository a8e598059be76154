import type { MinutesPayload } from '../core/minutes/minutesJobPlan.js';
import { type CreateMinutesDeps, createMinutes } from '../usecases/minutes/createMinutes.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A meeting's minutes doc (or running-doc section), made when the schedule or `/meeting notes` says. */
export function minutesJob(deps: CreateMinutesDeps): JobHandler {
  return async (job, { now, log }) => {
    const payload = parsePayload<MinutesPayload>(job);
    const outcome = await createMinutes(deps, payload, now, log);
    switch (outcome.kind) {
      case 'not-configured':
        log.info(
          { group: payload.groupId },
          'minutes skipped: not configured for the group (or Google is off)',
        );
        return;
      case 'not-going-ahead':
        log.info('minutes skipped: the meeting is cancelled or gone');
        return;
      case 'over':
        log.info('minutes skipped: the meeting is over');
        return;
      case 'exists':
        log.info({ doc: outcome.docId }, 'minutes already exist');
        return;
      case 'created':
        log.info({ doc: outcome.docId, mode: outcome.mode }, 'minutes created');
        return;
    }
  };
}
