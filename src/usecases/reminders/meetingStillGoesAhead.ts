import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { GroupId } from '../../core/ids.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { meetingGoesAhead } from '../../core/reminder/withdrawals.js';

export interface MeetingStatusDeps {
  readonly groups: Pick<GroupDirectory, 'byId'>;
  readonly occurrences: Pick<OccurrenceRepository, 'find'>;
}

/** Whether the meeting still goes ahead as things stand now: its group configured, it scheduled. */
export async function meetingStillGoesAhead(
  deps: MeetingStatusDeps,
  groupId: GroupId,
  startsAt: string,
): Promise<boolean> {
  const occurrence = await deps.occurrences.find(groupId, startsAt);
  return meetingGoesAhead({
    groupConfigured: deps.groups.byId(groupId) !== undefined,
    status: occurrence?.status ?? 'missing',
  });
}
