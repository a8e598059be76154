import { isMinutesDocsError } from '../core/minutes/minutesDocs.js';
import { runningSectionHeading } from '../core/minutes/minutesMeeting.js';
import { minutesItemInsert, minutesItemLine } from '../core/todo/minutesItemInsert.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import { keyedSerial } from './keyedSerial.js';
import type { Services } from '../services.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';
import { slackNames } from './minutesNames.js';
import type { ActionItemId } from '../core/model/actionItem.js';

export const TODO_MINUTES_JOB = 'todo-minutes';

interface Payload {
  readonly itemId: ActionItemId;
}

export const todoMinutesJobSpec = (itemId: ActionItemId, now: Date): JobSpec => ({
  key: `${TODO_MINUTES_JOB}:${itemId}`,
  kind: TODO_MINUTES_JOB,
  payload: { itemId } satisfies Payload,
  runAt: now,
});

/**
 * Writes a new item into its meeting's minutes (What / Who / When), once the doc exists.
 * The doc is read first and the item's line looked for, so a retry never writes it twice.
 * A meeting without minutes is not waited for: the item stays in Slack and on GitHub.
 */
export function todoMinutesJob(services: Services): JobHandler {
  const serial = keyedSerial();
  return async (job, { log }) => {
    const { itemId } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    const docs = services.minutes;
    if (!item?.meetingStartsAt || !group?.minutes || !docs) return;
    const occurrence = await services.occurrences.find(group.id, item.meetingStartsAt);
    if (!occurrence?.minutes) {
      log.info({ itemId }, 'the item’s meeting has no minutes doc; not written into minutes');
      return;
    }
    const owners = item.owners;
    const names = await slackNames(services.slack, owners, log);
    const line = minutesItemLine(
      { number: item.number, text: item.text, owners, dueDate: item.dueDate },
      names,
    );
    let section: string | undefined;
    if (group.minutes.mode === 'running') {
      const sameDay = await services.occurrences.onDate(group.id, occurrence.localDate);
      section = runningSectionHeading({
        groupName: group.name,
        title: occurrence.title,
        startsAt: new Date(occurrence.startsAt),
        timeZone: group.timeZone,
        localDate: occurrence.localDate,
        joinUrl: occurrence.joinUrl,
        agenda: [],
        leads: group.leads,
        names,
        sharesDate: sameDay.length > 1,
      });
    }
    const docId = occurrence.minutes.docId;
    try {
      // Read and write one item at a time per doc: an index computed from a stale read
      // would land in the middle of someone else's line.
      await serial(docId, async () => {
        const insert = minutesItemInsert(await docs.text(docId), line, item.number, section);
        if (insert.kind === 'insert') await docs.update(docId, insert.requests);
      });
    } catch (error) {
      if (isMinutesDocsError(error) && error.failure !== 'retryable')
        throw new PermanentJobError(error.message);
      throw error;
    }
  };
}
