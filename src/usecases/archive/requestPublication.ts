import { manualPublishJob } from '../../core/archive/archiveJobs.js';
import { GavelError } from '../../core/errors.js';
import { isLead } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { LocalDate, SlackUserId } from '../../core/ids.js';
import type { Clock } from '../../core/clock.js';
import type { JobQueue } from '../../core/ports/jobQueue.js';
import type { OccurrenceRepository } from '../../core/ports/occurrenceRepository.js';
import { longDateOf } from '../../core/record/longDate.js';

export interface RequestPublicationDeps {
  readonly clock: Clock;
  readonly occurrences: Pick<OccurrenceRepository, 'onDate' | 'between'>;
  readonly queue: Pick<JobQueue, 'enqueue'>;
  /** Whether GitHub is configured. */
  readonly githubOn: boolean;
}

/** How far back `/meeting publish` without a date looks for the latest meeting that has ended. */
const LOOK_BACK_DAYS = 400;

/**
 * `/meeting publish [date]` by a lead: publishes a meeting that has ended now, or again (an
 * open pull request is updated, a merged one followed by an update). The work is a job: the
 * ack needs only the database, and the job's note in the thread says how it went.
 */
export async function requestPublication(
  deps: RequestPublicationDeps,
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly date: LocalDate | undefined;
  },
): Promise<{ readonly meetingLabel: string; readonly repo: string }> {
  const { group, userId, date } = input;
  if (!isLead(group, userId)) {
    throw new GavelError('not_a_lead', `Only a lead of ${group.name} can publish its meetings.`);
  }
  const archive = group.archive;
  if (!archive) {
    throw new GavelError(
      'bad_input',
      `${group.name} does not publish its meetings: a lead adds \`archive: { path: meetings/{yyyy}/{date}.md }\` to the group in the groups file (see the README).`,
    );
  }
  if (!deps.githubOn) {
    throw new GavelError(
      'bad_input',
      'gavel has no GitHub access here (GITHUB_TOKEN or a GitHub App), so it cannot publish. Ask whoever runs gavel.',
    );
  }
  const now = deps.clock.now();
  const ended = (o: { status: string; endsAt: string }) =>
    o.status === 'scheduled' && Date.parse(o.endsAt) <= now.getTime();
  const meeting = date
    ? (await deps.occurrences.onDate(group.id, date)).find((o) => o.status === 'scheduled')
    : (await deps.occurrences.between(group.id, new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000), now))
        .filter(ended)
        .at(-1);
  if (!meeting) {
    throw new GavelError(
      'no_meeting',
      date ? `${group.name} has no meeting on ${date}.` : `${group.name} has no meeting that has ended yet.`,
    );
  }
  if (!ended(meeting)) {
    throw new GavelError(
      'bad_input',
      `The meeting of ${meeting.localDate} has not ended yet: it is published ${archive.afterMinutes >= 60 ? `${Math.round(archive.afterMinutes / 60)}h` : `${archive.afterMinutes}m`} after its end, or with \`/meeting publish ${meeting.localDate}\` once it is over.`,
    );
  }
  await deps.queue.enqueue([manualPublishJob(group.id, meeting.startsAt, now)], now);
  return {
    meetingLabel: `${meeting.title} of ${longDateOf(meeting.startsAt, group.timeZone)}`,
    repo: `${archive.owner}/${archive.repo}`,
  };
}
