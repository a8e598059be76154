import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import { minutesMeetingOf, runningSectionHeading } from '../../core/minutes/minutesMeeting.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Occurrence } from '../../core/model/occurrence.js';
import type { Log } from '../../core/ports/log.js';
import { isMinutesDocsError } from '../../core/ports/minutesDocs.js';
import {
  attendeeLine,
  decisionLine,
  minutesRecordInsert,
  type RecordEntry,
} from '../../core/record/minutesRecordInsert.js';
import type { RecordMinutesPayload } from '../../core/record/recordJobs.js';
import { writingDoc } from '../minutes/docWrites.js';
import type { RecordDeps } from './recordDeps.js';

export type WriteRecordDeps = Pick<
  RecordDeps,
  'groups' | 'occurrences' | 'records' | 'workspace' | 'minutes' | 'serial'
>;

export type WriteRecordOutcome = 'not-configured' | 'no-doc' | 'gone' | 'present' | 'written';

/**
 * Writes one piece of the record (an attendee, a decision, the recording link) into the
 * meeting's minutes doc, in that meeting's section of a running doc. The doc is read first and
 * the line looked for, so a retry never writes it twice; a meeting without a doc is not waited for.
 */
export async function writeRecordToMinutes(
  deps: WriteRecordDeps,
  payload: RecordMinutesPayload,
  log: Log,
): Promise<WriteRecordOutcome> {
  const group = deps.groups.byId(payload.groupId);
  const docs = deps.minutes;
  if (!group?.minutes || !docs) return 'not-configured';
  const occurrence = await deps.occurrences.find(group.id, payload.startsAt);
  if (!occurrence?.minutes) return 'no-doc';
  const entry = await entryOf(deps, group, payload);
  if (!entry) return 'gone';
  const section =
    group.minutes.mode === 'running' ? await sectionHeading(deps, group, occurrence) : undefined;
  const docId = occurrence.minutes.docId;
  try {
    return await writingDoc(deps.serial, docId, log, async () => {
      const insert = minutesRecordInsert(await docs.text(docId), entry, section);
      if (insert.kind === 'present') return 'present' as const;
      await docs.insertParagraphs(docId, insert.at, insert.paragraphs);
      return 'written' as const;
    });
  } catch (error) {
    if (isMinutesDocsError(error) && error.failure !== 'retryable')
      throw new PermanentJobError(error.message);
    throw error;
  }
}

async function entryOf(
  deps: Pick<WriteRecordDeps, 'records' | 'workspace'>,
  group: ResolvedGroup,
  payload: RecordMinutesPayload,
): Promise<RecordEntry | undefined> {
  switch (payload.entry) {
    case 'attendee': {
      const names = await deps.workspace.userNames([payload.userId]);
      return {
        kind: 'attendee',
        line: attendeeLine(names.get(payload.userId) ?? payload.userId, group.organizations[payload.userId]),
      };
    }
    case 'decision': {
      const decision = await deps.records.decisionById(payload.decisionId);
      return decision
        ? { kind: 'decision', number: decision.number, line: decisionLine(decision.number, decision.text) }
        : undefined;
    }
    case 'recording':
      return { kind: 'recording', url: payload.url };
  }
}

async function sectionHeading(
  deps: Pick<WriteRecordDeps, 'occurrences'>,
  group: ResolvedGroup,
  occurrence: Occurrence,
): Promise<string> {
  const sameDay = await deps.occurrences.onDate(group.id, occurrence.localDate);
  return runningSectionHeading(
    minutesMeetingOf(group, occurrence, { agenda: [], names: {}, sharesDate: sameDay.length > 1 }),
  );
}
