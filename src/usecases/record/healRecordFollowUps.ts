import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { MeetingRecordRepository } from '../../core/ports/meetingRecordRepository.js';
import {
  checkInFollowUps,
  decisionFollowUps,
  recordingFollowUps,
} from '../../core/record/recordFollowUps.js';
import { HEAL_WINDOW_MS } from '../../core/todo/todoJobs.js';
import type { Clock } from '../../core/clock.js';

/**
 * Queues the follow-ups of what the group recorded in the last day (check-ins, decisions,
 * recording links): the process may have died between saving one and queuing its jobs.
 * Their keys come from the stored rows, so for everything that was queued this adds nothing.
 * Only the last day, as for action items: retention may have deleted older jobs' keys.
 * Returns how many jobs were missing.
 */
export async function healRecordFollowUps(
  deps: {
    readonly clock: Clock;
    readonly records: Pick<MeetingRecordRepository, 'recordedSince'>;
    readonly queue: Pick<JobQueue, 'enqueue'>;
    readonly githubOn: boolean;
  },
  group: ResolvedGroup,
): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HEAL_WINDOW_MS).toISOString();
  const recent = await deps.records.recordedSince(group.id, since);
  const jobs = [
    ...checkInFollowUps(group, recent.attendance, now),
    ...recent.decisions.flatMap((d) => decisionFollowUps(deps, group, d, now)),
    ...recent.recordings.flatMap((r) => recordingFollowUps(group, r, now)),
  ];
  return jobs.length > 0 ? deps.queue.enqueue(jobs, now) : 0;
}
