import type { Clock } from '../../core/clock.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { agendaMinutesJobs } from '../../core/minutes/agendaMinutesJob.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import { HEAL_WINDOW_MS } from '../../core/todo/todoJobs.js';

/**
 * Queues the minutes line of the group's open agenda items added, moved or rolled over in
 * the last day: the process may have died between saving one and queuing its job. The keys
 * come from the stored items, so for everything that was queued this adds nothing. Only for
 * groups with minutes, and only the last day, as for action items. Returns how many were missing.
 */
export async function healAgendaMinutes(
  deps: {
    readonly clock: Clock;
    readonly agenda: Pick<AgendaRepository, 'openChangedSince'>;
    readonly queue: Pick<JobQueue, 'enqueue'>;
  },
  group: ResolvedGroup,
): Promise<number> {
  if (!group.minutes) return 0;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HEAL_WINDOW_MS).toISOString();
  const jobs = agendaMinutesJobs(group, await deps.agenda.openChangedSince(group.id, since), now);
  return jobs.length > 0 ? deps.queue.enqueue(jobs, now) : 0;
}
