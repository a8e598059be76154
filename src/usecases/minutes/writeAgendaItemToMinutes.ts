import type { GroupDirectory } from '../../core/groupDirectory.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import type { AgendaMinutesPayload } from '../../core/minutes/agendaMinutesJob.js';
import { minutesAgendaInsert } from '../../core/minutes/minutesAgendaInsert.js';
import { agendaLine } from '../../core/minutes/minutesPlaceholders.js';
import { slackAuthors, topicPlain } from '../../core/agenda/agendaItemText.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { Log } from '../../core/ports/log.js';
import { isMinutesDocsError, type MinutesDocs } from '../../core/ports/minutesDocs.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { docNames, sectionHeadingOf } from './docNames.js';
import { writingDoc } from './docWrites.js';
import type { KeyedSerial } from './keyedSerial.js';

export interface WriteAgendaItemDeps {
  readonly agenda: Pick<AgendaRepository, 'byId'>;
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find' | 'onDate'>;
  readonly workspace: Pick<SlackWorkspace, 'userNames'>;
  /** Absent when Google is not configured. */
  readonly minutes: MinutesDocs | undefined;
  /** Shared with every other writer of minutes docs in this process. */
  readonly serial: KeyedSerial;
}

export type WriteAgendaItemOutcome =
  | 'not-configured'
  /** Removed, moved to another meeting or dropped since it was queued. */
  | 'gone'
  /** The meeting has no doc yet: createMinutes will list the item when it makes one. */
  | 'no-doc'
  /** The running doc has no section with the meeting's heading (renamed): left alone. */
  | 'no-section'
  | 'present'
  | 'written';

/**
 * Appends an agenda item added after its meeting's minutes were made to the doc's agenda,
 * after what is there (minutesAgendaInsert), in the meeting's section of a running doc. The
 * doc is read first and the item looked for, so a retry or a second run never writes it twice.
 */
export async function writeAgendaItemToMinutes(
  deps: WriteAgendaItemDeps,
  payload: AgendaMinutesPayload,
  log: Log,
): Promise<WriteAgendaItemOutcome> {
  const item = await deps.agenda.byId(payload.itemId);
  const group = item ? deps.groups.byId(item.groupId) : undefined;
  const docs = deps.minutes;
  if (!item || !group?.minutes || !docs) return item ? 'not-configured' : 'gone';
  if (item.meetingStartsAt !== payload.meetingStartsAt || item.status === 'dropped') return 'gone';
  const occurrence = await deps.occurrences.find(group.id, item.meetingStartsAt);
  if (!occurrence?.minutes) return 'no-doc';
  const [names, section] = await Promise.all([
    docNames(deps.workspace, slackAuthors([item]), [item.topic]),
    group.minutes.mode === 'running' ? sectionHeadingOf(deps, group, occurrence) : undefined,
  ]);
  const entry = {
    number: item.number,
    topic: topicPlain(item, names),
    line: agendaLine(item, names),
  };
  const docId = occurrence.minutes.docId;
  try {
    return await writingDoc(deps.serial, docId, log, async () => {
      const insert = minutesAgendaInsert(await docs.text(docId), entry, section);
      if (insert.kind !== 'insert') return insert.kind;
      await docs.insertParagraphs(docId, insert.at, [insert.paragraph]);
      return 'written' as const;
    });
  } catch (error) {
    if (isMinutesDocsError(error) && error.failure !== 'retryable')
      throw new PermanentJobError(error.message);
    throw error;
  }
}
