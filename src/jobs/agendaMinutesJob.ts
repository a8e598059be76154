import type { AgendaMinutesPayload } from '../core/minutes/agendaMinutesJob.js';
import {
  type WriteAgendaItemDeps,
  writeAgendaItemToMinutes,
} from '../usecases/minutes/writeAgendaItemToMinutes.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** An agenda item added after its meeting's minutes were made, appended to the doc's agenda. */
export function agendaMinutesJob(deps: WriteAgendaItemDeps): JobHandler {
  return async (job, { log }) => {
    const payload = parsePayload<AgendaMinutesPayload>(job);
    const outcome = await writeAgendaItemToMinutes(deps, payload, log);
    if (outcome === 'no-section') {
      log.warn(
        { itemId: payload.itemId, meeting: payload.meetingStartsAt },
        'the running minutes doc has no section for the meeting (renamed?); agenda item not written',
      );
    } else {
      log.debug({ itemId: payload.itemId, outcome }, 'agenda item and the minutes');
    }
  };
}
