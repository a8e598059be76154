import type { Clock } from '../../core/clock.js';
import type { GroupDirectory } from '../../core/groupDirectory.js';
import type { ActionItemRepository } from '../../core/ports/actionItemRepository.js';
import type { IssueTracker } from '../../core/ports/issueTracker.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import type { SlackWorkspace } from '../../core/ports/slackWorkspace.js';
import type { FollowUpsConfigured } from '../../core/todo/todoJobs.js';

/** Every port the action-item use cases use; each one takes the few it needs (`Pick`). */
export interface TodoDeps {
  readonly clock: Clock;
  readonly groups: Pick<GroupDirectory, 'byId' | 'all'>;
  readonly actionItems: ActionItemRepository;
  readonly occurrences: OccurrenceRepository;
  readonly queue: JobQueue;
  readonly workspace: SlackWorkspace;
  /** GitHub, when it is configured: items of groups with a repository become issues. */
  readonly github?: IssueTracker | undefined;
  /** The minutes documents, when Google is configured; only whether they are is asked here. */
  readonly minutes?: unknown;
}

export const followUpsConfigured = (deps: Pick<TodoDeps, 'github' | 'minutes'>): FollowUpsConfigured => ({
  github: deps.github !== undefined,
  minutes: deps.minutes !== undefined,
});
