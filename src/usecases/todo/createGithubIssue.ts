import { meetingLabel } from '../../core/agenda/meetingLabel.js';
import { MINUTE_MS } from '../../core/duration.js';
import type { ResolvedGroup } from '../../core/groupDirectory.js';
import { PermanentJobError } from '../../core/jobs/permanentJobError.js';
import type { ActionItem, ActionItemId } from '../../core/model/actionItem.js';
import {
  type IssueRef,
  type IssueTracker,
  type IssueTrackerError,
  isIssueTrackerError,
  type NewIssue,
  type RepoRef,
} from '../../core/ports/issueTracker.js';
import type { Log } from '../../core/ports/log.js';
import { zonedDate } from '../../core/slackDate.js';
import { type IssueOwner, issueDraft, itemMarker } from '../../core/todo/issueDraft.js';
import { githubIssueStateJobSpec, todoIssueLinkJobSpec } from '../../core/todo/todoJobs.js';
import { wrapUpUpdateJobSpec } from '../../core/record/recordJobs.js';
import type { TodoDeps } from './todoDeps.js';

/** How long the job waits for the item's announcement (its thread) before opening the issue anyway. */
const ANNOUNCEMENT_GRACE_MS = 2 * MINUTE_MS;

export type CreateIssueDeps = Pick<
  TodoDeps,
  'actionItems' | 'groups' | 'occurrences' | 'queue' | 'workspace' | 'clock' | 'github'
>;

/**
 * Opens the GitHub issue of an action item, exactly once. Creation is not idempotent on
 * GitHub's side, so the result is recorded and retries guarded: an item that has its issue
 * number is done; a retry (`attempt` > 1: the previous attempt may have created the issue and
 * lost the answer) first searches the repository for the item's marker. Throws to be retried,
 * PermanentJobError when retrying cannot help.
 */
export async function createGithubIssue(
  deps: CreateIssueDeps,
  job: { readonly itemId: ActionItemId; readonly attempt: number },
  now: Date,
  log: Log,
): Promise<void> {
  const { itemId } = job;
  const item = await deps.actionItems.byId(itemId);
  const group = item ? deps.groups.byId(item.groupId) : undefined;
  const tracker = deps.github;
  if (!item || !group?.github || !tracker) {
    log.info({ itemId }, 'no GitHub issue: the item, its group’s repository or GitHub access is gone');
    return;
  }
  const repo: RepoRef = { owner: group.github.owner, repo: group.github.repo };
  if (item.githubIssue === null) {
    if (!item.messageTs && now.getTime() - Date.parse(item.createdAt) < ANNOUNCEMENT_GRACE_MS) {
      throw new Error('the item’s Slack message is not posted yet; the issue will link to it');
    }
    const issue = await existingOrNewIssue(deps, tracker, group, repo, item, job.attempt > 1).catch(
      async (error: unknown) => {
        if (job.attempt === 1 && !(error instanceof PermanentJobError)) await sayWeRetry(deps, item, log);
        throw error;
      },
    );
    await deps.actionItems.setGithubIssue(item.id, issue.number, issue.url, deps.clock.now());
    log.info({ itemId, issue: issue.number }, 'GitHub issue linked to the action item');
  }
  const followUps = [todoIssueLinkJobSpec(item.id, now)];
  if (item.meetingStartsAt)
    followUps.push(wrapUpUpdateJobSpec(item.groupId, item.meetingStartsAt, now, `issue-${item.id}`));
  // Marked done while the issue was being opened: close it too.
  if (item.status === 'done') followUps.push(githubIssueStateJobSpec(item, now, undefined));
  await deps.queue.enqueue(followUps, now);
}

/**
 * The first time GitHub fails to answer, the item's thread says so: the person who ran
 * `/todo` would otherwise wait for a link that is not coming yet. Later retries stay quiet.
 */
async function sayWeRetry(deps: Pick<TodoDeps, 'workspace'>, item: ActionItem, log: Log): Promise<void> {
  if (!item.messageTs) return;
  await deps.workspace
    .post(item.channelId, {
      threadTs: item.messageTs,
      text: ":hourglass_flowing_sand: GitHub is not answering right now. I'll keep trying and link the issue here once it is open.",
    })
    .catch((error: unknown) =>
      log.warn({ err: error }, 'could not say in the thread that GitHub is being retried'),
    );
}

async function existingOrNewIssue(
  deps: CreateIssueDeps,
  tracker: IssueTracker,
  group: ResolvedGroup,
  repo: RepoRef,
  item: ActionItem,
  isRetry: boolean,
): Promise<IssueRef> {
  const marker = itemMarker(item.id);
  try {
    if (isRetry) {
      const found = await tracker.findByMarker(repo, marker);
      if (found) return found;
    }
    const { draft, logins } = await draftFor(deps, group, item);
    try {
      return await tracker.create(repo, draft([]));
    } catch (error) {
      if (!isInvalidAssignees(error)) throw error;
      // Someone cannot be assigned (no access): name them in the body, assign the rest; if
      // GitHub did not say who, or refuses again, assign nobody.
      const named = error.failure.kind === 'invalid-assignees' ? error.failure.logins : [];
      if (named.length > 0 && named.length < logins.length) {
        try {
          return await tracker.create(repo, draft(named));
        } catch (again) {
          if (!isInvalidAssignees(again)) throw again;
        }
      }
      return await tracker.create(repo, draft(logins));
    }
  } catch (error) {
    throw permanentUnlessTransient(error);
  }
}

/** A tracker failure that retrying cannot fix parks the job; anything else is retried. */
export function permanentUnlessTransient(error: unknown): unknown {
  return isIssueTrackerError(error) && error.failure.kind !== 'transient'
    ? new PermanentJobError(error.message)
    : error;
}

const isInvalidAssignees = (e: unknown): e is IssueTrackerError =>
  isIssueTrackerError(e) && e.failure.kind === 'invalid-assignees';

/** The item's issue, given the logins GitHub refused as assignees. */
async function draftFor(
  deps: Pick<TodoDeps, 'occurrences' | 'workspace' | 'clock'>,
  group: ResolvedGroup,
  item: ActionItem,
): Promise<{ draft: (unassignable: readonly string[]) => NewIssue; logins: readonly string[] }> {
  const owners = item.owners;
  const [names, meeting, permalink] = await Promise.all([
    deps.workspace.userNames([...owners, item.authorId]),
    item.meetingStartsAt ? deps.occurrences.find(group.id, item.meetingStartsAt) : undefined,
    item.messageTs ? deps.workspace.permalink(item.channelId, item.messageTs) : undefined,
  ]);
  const issueOwners: IssueOwner[] = owners.map((id) => ({
    name: names.get(id) ?? id,
    login: group.githubLogins[id],
  }));
  const today = zonedDate(deps.clock.now(), group.timeZone);
  const draft = (unassignable: readonly string[]) =>
    issueDraft({
      item,
      groupName: group.name,
      channelLabel: group.channelLabel,
      owners: issueOwners,
      authorName: names.get(item.authorId) ?? item.authorId,
      meeting: meeting
        ? { title: meeting.title, label: meetingLabel(meeting.startsAt, group.timeZone) }
        : undefined,
      minutesUrl: meeting?.minutes?.url,
      permalink,
      sourcePermalink: item.sourcePermalink,
      labels: group.github?.labels ?? [],
      today,
      unassignable,
    });
  return { draft, logins: issueOwners.flatMap((o) => (o.login ? [o.login] : [])) };
}
