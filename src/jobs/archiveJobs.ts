import { ARCHIVE_PUBLISH_JOB, type ArchivePublishPayload } from '../core/archive/archiveJobs.js';
import { type PublishDeps, publishMeeting } from '../usecases/archive/publishMeeting.js';
import { type JobHandlers, parsePayload } from './jobHandler.js';

/** Publishing meetings to their groups' repositories: the claimed job → the use case. */
export function archiveJobs(deps: PublishDeps): JobHandlers {
  return {
    [ARCHIVE_PUBLISH_JOB]: async (job, { now, log }) => {
      const payload = parsePayload<ArchivePublishPayload>(job);
      const outcome = await publishMeeting(deps, payload, job.key, now);
      log.info({ outcome, group: payload.groupId, meeting: payload.startsAt }, 'meeting published');
    },
  };
}
