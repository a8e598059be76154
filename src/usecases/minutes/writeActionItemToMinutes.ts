import type { GroupDirectory } from '../../core/groupDirectory.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import type { ItemJobPayload } from '../../core/todo/todoJobs.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import type { Log } from '../../core/ports/log.js';
import { isMinutesDocsError, type MinutesDocs } from '../../core/ports/minutesDocs.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import { minutesItemInsert, minutesItemLine } from '../../core/todo/minutesItemInsert.js';
import { docNames, sectionHeadingOf } from './docNames.js';
import { writingDoc } from './docWrites.js';
import type { KeyedSerial } from './keyedSerial.js';

export interface WriteActionItemDeps {
  readonly actionItems: Pick<ActionItemRepository, 'byId'>;
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find' | 'onDate'>;
  readonly workspace: Pick<SlackWorkspace, 'userNames'>;
  /** Absent when Google is not configured. */
  readonly minutes: MinutesDocs | undefined;
  /** Shared with every other writer of minutes docs in this process. */
  readonly serial: KeyedSerial;
}

export type WriteActionItemOutcome =
  /** Not an item of a meeting with minutes configured (or Google is off). */
  | { readonly kind: 'not-configured' }
  /** The meeting has no minutes doc: the item stays in Slack and on GitHub. */
  | { readonly kind: 'no-doc' }
  | { readonly kind: 'present' }
  | { readonly kind: 'written'; readonly docId: string };

/**
 * Writes a new item into its meeting's minutes (What / Who / When), once the doc exists.
 * The doc is read first and the item's line looked for, so a retry never writes it twice.
 * A meeting without minutes is not waited for.
 */
export async function writeActionItemToMinutes(
  deps: WriteActionItemDeps,
  { itemId }: ItemJobPayload,
  log: Log,
): Promise<WriteActionItemOutcome> {
  const item = await deps.actionItems.byId(itemId);
  const group = item ? deps.groups.byId(item.groupId) : undefined;
  const docs = deps.minutes;
  if (!item?.meetingStartsAt || !group?.minutes || !docs) return { kind: 'not-configured' };
  const occurrence = await deps.occurrences.find(group.id, item.meetingStartsAt);
  if (!occurrence?.minutes) return { kind: 'no-doc' };
  const owners = item.owners;
  const [names, section] = await Promise.all([
    docNames(deps.workspace, owners, [item.text]),
    group.minutes.mode === 'running' ? sectionHeadingOf(deps, group, occurrence) : undefined,
  ]);
  const line = minutesItemLine(
    { number: item.number, text: item.text, owners, dueDate: item.dueDate },
    names,
  );
  const docId = occurrence.minutes.docId;
  try {
    return await writingDoc(deps.serial, docId, log, async () => {
      const insert = minutesItemInsert(await docs.text(docId), line, item.number, section);
      if (insert.kind === 'present') return { kind: 'present' } as const;
      await docs.insertParagraphs(docId, insert.at, [insert.paragraph]);
      return { kind: 'written', docId } as const;
    });
  } catch (error) {
    if (isMinutesDocsError(error) && error.failure !== 'retryable')
      throw new PermanentJobError(error.message);
    throw error;
  }
}
