import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import { personLabel } from '../../core/minutes/minutesMeeting.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { Log } from '../../core/ports/log.js';
import { isMinutesDocsError } from '../../core/ports/minutesDocs.js';
import {
  attendeeLine,
  decisionLine,
  minutesRecordInsert,
  type RecordEntry,
} from '../../core/record/minutesRecordInsert.js';
import type { RecordMinutesPayload } from '../../core/record/recordJobs.js';
import { docNames, sectionHeadingOf } from '../minutes/docNames.js';
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
    group.minutes.mode === 'running' ? await sectionHeadingOf(deps, group, occurrence) : undefined;
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
      const names = await docNames(deps.workspace, [payload.userId]);
      return {
        kind: 'attendee',
        line: attendeeLine(personLabel(payload.userId, names), group.organizations[payload.userId]),
      };
    }
    case 'decision': {
      const decision = await deps.records.decisionById(payload.decisionId);
      if (!decision) return undefined;
      const names = await docNames(deps.workspace, [], [decision.text]);
      return {
        kind: 'decision',
        number: decision.number,
        line: decisionLine(decision.number, decision.text, names),
      };
    }
    case 'recording':
      return { kind: 'recording', url: payload.url };
  }
}
