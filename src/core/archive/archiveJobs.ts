import { MINUTE_MS } from '../duration.js';
import type { Group } from '../group.js';
import type { Occurrence } from '../model/occurrence.js';
import type { JobSpec } from '../ports/jobQueue.js';

export const ARCHIVE_PUBLISH_JOB = 'archive-publish';

export interface ArchivePublishPayload {
  readonly groupId: string;
  readonly startsAt: string;
  /** A lead's `/meeting publish`: publishes again after a merge, as an update. */
  readonly manual: boolean;
}

export const archivePublishKey = (groupId: string, startsAt: string): string =>
  `${ARCHIVE_PUBLISH_JOB}:${groupId}:${startsAt}`;

/**
 * The publication of a meeting, the group's `archive.after` past its end. Like the record's
 * jobs it is not among the planner's cancellable prefixes (the meeting will have started): it
 * looks at the meeting when it runs, and publishes nothing for one that did not go ahead.
 */
export function archiveJobs(group: Group, o: Occurrence): JobSpec[] {
  if (!group.archive) return [];
  const payload: ArchivePublishPayload = { groupId: group.id, startsAt: o.startsAt, manual: false };
  return [
    {
      key: archivePublishKey(group.id, o.startsAt),
      kind: ARCHIVE_PUBLISH_JOB,
      runAt: new Date(Date.parse(o.endsAt) + group.archive.afterMinutes * MINUTE_MS),
      payload,
    },
  ];
}

/** `/meeting publish`: now, under a key of its own (stamped), so every request runs once. */
export function manualPublishJob(groupId: string, startsAt: string, now: Date): JobSpec {
  const payload: ArchivePublishPayload = { groupId, startsAt, manual: true };
  return {
    key: `${archivePublishKey(groupId, startsAt)}:manual:${now.toISOString()}`,
    kind: ARCHIVE_PUBLISH_JOB,
    runAt: now,
    payload,
  };
}
