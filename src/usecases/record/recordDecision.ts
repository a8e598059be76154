import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { GavelError } from '../../core/errors.js';
import { mayRecordDecisions } from '../../core/group.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import type { SlackUserId } from '../../core/ids.js';
import type { Decision, IssueReference } from '../../core/model/meetingRecord.js';
import { formatReference, repoAllowed } from '../../core/record/issueReference.js';
import { decisionFollowUps, type RecordFollowUpsConfig } from '../../core/record/recordFollowUps.js';
import type { RecordDeps } from './recordDeps.js';
import { meetingToRecord } from './recordMeeting.js';

export type RecordDecisionDeps = Pick<RecordDeps, 'clock' | 'occurrences' | 'records' | 'queue'> &
  RecordFollowUpsConfig;

/**
 * `/decision <text>` by a lead or scribe: recorded for the meeting in progress or ended in the
 * last day, then announced in the meeting's thread, written into its minutes and wrap-up and,
 * when it names an issue or pull request of the group's repositories, commented there once.
 * Everything after the record is a job: the ack needs only the database. Should the process
 * die before they are queued, the planner queues them (healRecordFollowUps).
 */
export async function recordDecision(
  deps: RecordDecisionDeps,
  input: {
    readonly group: ResolvedGroup;
    readonly userId: SlackUserId;
    readonly text: string;
    readonly reference: IssueReference | undefined;
  },
): Promise<{ readonly decision: Decision; readonly meetingLabel: string }> {
  const { group, userId, reference } = input;
  if (!mayRecordDecisions(group, userId)) {
    throw new GavelError(
      'not_allowed',
      'Only a lead or a scribe of this group can record a decision (scribes are listed under `scribes:` in the groups file).',
    );
  }
  if (reference && !repoAllowed(group.github, reference)) throw unknownRepository(group, reference);
  const now = deps.clock.now();
  const meeting = await meetingToRecord(deps, group, now, undefined, 'decision');
  const decision = await deps.records.addDecision(
    {
      groupId: group.id,
      meetingStartsAt: meeting.startsAt,
      text: input.text,
      authorId: userId,
      reference: reference ?? null,
    },
    now,
  );
  await deps.queue.enqueue(decisionFollowUps(deps, group, decision, now), now);
  return { decision, meetingLabel: `${meeting.title} of ${meetingLabel(meeting.startsAt, group.timeZone)}` };
}

function unknownRepository(group: ResolvedGroup, ref: IssueReference): GavelError {
  const repos = group.github
    ? [`${group.github.owner}/${group.github.repo}`, ...group.github.otherRepos]
    : [];
  return new GavelError(
    'bad_input',
    repos.length === 0
      ? `${formatReference(ref)} is on GitHub, but ${group.name} has no repository in the groups file (\`github: { repo: owner/name }\`). Record the decision without the reference, or ask a lead to add the repository.`
      : `${formatReference(ref)} is not in a repository ${group.name} works in (${repos.join(', ')}). Name an issue or pull request there, or record the decision without it.`,
  );
}
