import type { Decision, DecisionId } from '../../core/model/meetingRecord.js';
import { longDateOf } from '../../core/record/longDate.js';
import { decisionComment, decisionMarker } from '../../core/record/recordReplies.js';
import { decisionCommentKey } from '../../core/record/recordJobs.js';
import type { IssueTracker, RepoRef } from '../../core/ports/issueTracker.js';
import { permanentUnlessTransient } from '../todo/createGithubIssue.js';
import { meetingThreadTs } from './meetingThread.js';
import type { RecordDeps } from './recordDeps.js';

export type CommentDecisionDeps = Pick<RecordDeps, 'records' | 'groups' | 'effects' | 'workspace'> & {
  readonly github: IssueTracker | undefined;
};

/**
 * Writes a decision back onto the issue or pull request it decided, exactly once: the comment
 * carries the decision's marker, and an attempt that finds its effect started (a crash or a
 * lost answer after GitHub took the comment) looks for the marker before commenting again.
 */
export async function commentDecision(
  deps: CommentDecisionDeps,
  id: DecisionId,
  now: Date,
): Promise<'commented' | 'found' | 'done' | 'gone'> {
  const decision = await deps.records.decisionById(id);
  const group = decision ? deps.groups.byId(decision.groupId) : undefined;
  const ref = decision?.reference;
  if (!decision || !group || !ref || !deps.github) return 'gone';
  const key = decisionCommentKey(id);
  const earlier = await deps.effects.state(key);
  if (earlier?.state === 'done') return 'done';
  const repo: RepoRef = { owner: ref.owner, repo: ref.repo };
  const marker = decisionMarker(id);
  try {
    if (earlier?.state === 'started' && (await deps.github.hasComment(repo, ref.number, marker))) {
      await deps.effects.finish(key, null, now);
      return 'found';
    }
    const body = decisionComment({
      groupName: group.name,
      meetingDate: longDateOf(decision.meetingStartsAt, group.timeZone),
      text: decision.text,
      threadUrl: await threadUrl(deps, group.channelId, decision),
      marker,
    });
    await deps.effects.begin(key, now);
    await deps.github.comment(repo, ref.number, body);
  } catch (error) {
    throw permanentUnlessTransient(error);
  }
  await deps.effects.finish(key, null, now);
  return 'commented';
}

async function threadUrl(
  deps: Pick<RecordDeps, 'effects' | 'workspace'>,
  channel: string,
  decision: Decision,
): Promise<string | undefined> {
  const ts = await meetingThreadTs(deps, decision.groupId, decision.meetingStartsAt);
  return ts ? deps.workspace.permalink(channel, ts) : undefined;
}
