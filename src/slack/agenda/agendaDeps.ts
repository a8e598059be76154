import type { Clock } from '../../core/clock.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { AgendaRepository } from '../../core/ports/agendaRepository.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { Log } from '../../core/ports/log.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';

/** Everything the agenda's listeners use; each takes the part it needs. */
export interface AgendaDeps {
  readonly groups: GroupDirectory;
  readonly log: Log;
  readonly clock: Clock;
  readonly agenda: AgendaRepository;
  readonly occurrences: OccurrenceRepository;
  /** An item's line in its meeting's minutes follows as a job. */
  readonly queue: Pick<JobQueue, 'enqueue'>;
  /** Announces an item added from the form in the group's channel. */
  readonly workspace: Pick<SlackWorkspace, 'post'>;
}
