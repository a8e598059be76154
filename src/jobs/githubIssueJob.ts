import { meetingLabel } from '../core/agenda/meetingLabel.js';
import type { ResolvedGroup } from '../core/groupDirectory.js';
import { type IssueOwner, issueDraft, itemMarker } from '../core/todo/issueDraft.js';
import {
  type IssueRef,
  type IssueTracker,
  type IssueTrackerError,
  isIssueTrackerError,
  type NewIssue,
  type RepoRef,
} from '../core/todo/issueTracker.js';
import { todayIn } from '../core/todo/localDates.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Logger } from '../log/logger.js';
import type { Services } from '../services.js';
import { permalinkOf, slackNames } from '../slack/todo/slackNames.js';
import type { ActionItem, ActionItemId } from '../core/model/actionItem.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';
import { githubIssueStateJobSpec } from './githubIssueStateJob.js';
import { todoIssueLinkJobSpec } from './todoIssueLinkJob.js';

export const GITHUB_ISSUE_JOB = 'github-issue';

interface Payload {
  readonly itemId: ActionItemId;
}

export const githubIssueJobSpec = (itemId: ActionItemId, now: Date): JobSpec => ({
  key: `${GITHUB_ISSUE_JOB}:${itemId}`,
  kind: GITHUB_ISSUE_JOB,
  payload: { itemId } satisfies Payload,
  runAt: now,
});

/** How long the job waits for the item's announcement (its thread) before opening the issue anyway. */
const ANNOUNCEMENT_GRACE_MS = 2 * 60_000;

/**
 * Opens the GitHub issue of an action item, exactly once. Creation is not idempotent on
 * GitHub's side, so the job records its result and guards retries: an item that has its
 * issue number is done; a retry (the previous attempt may have created the issue and lost
 * the answer) first searches the repository for the item's marker.
 */
export function githubIssueJob(services: Services): JobHandler {
  return async (job, { now, log }) => {
    const { itemId } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    const tracker = services.github;
    if (!item || !group?.github || !tracker) {
      log.info({ itemId }, 'no GitHub issue: the item, its group’s repository or GitHub access is gone');
      return;
    }
    const repo: RepoRef = { owner: group.github.owner, repo: group.github.repo };
    if (item.githubIssue === null) {
      if (!item.messageTs && now.getTime() - Date.parse(item.createdAt) < ANNOUNCEMENT_GRACE_MS) {
        throw new Error('the item’s Slack message is not posted yet; the issue will link to it');
      }
      const issue = await existingOrNewIssue(services, tracker, group, repo, item, job.attempts > 1).catch(
        async (error: unknown) => {
          if (job.attempts === 1 && !(error instanceof PermanentJobError))
            await sayWeRetry(services, item, log);
          throw error;
        },
      );
      await services.actionItems.setGithubIssue(item.id, issue.number, issue.url, services.clock.now());
      log.info({ itemId, issue: issue.number }, 'GitHub issue linked to the action item');
    }
    const followUps = [todoIssueLinkJobSpec(item.id, now)];
    // Marked done while the issue was being opened: close it too.
    if (item.status === 'done') followUps.push(githubIssueStateJobSpec(item, now, undefined));
    await services.queue.enqueue(followUps, now);
  };
}

/**
 * The first time GitHub fails to answer, the item's thread says so: the person who ran
 * `/todo` would otherwise wait for a link that is not coming yet. Later retries stay quiet.
 */
async function sayWeRetry(services: Services, item: ActionItem, log: Logger): Promise<void> {
  if (!item.messageTs) return;
  await services.slack.chat
    .postMessage({
      channel: item.channelId,
      thread_ts: item.messageTs,
      text: ":hourglass_flowing_sand: GitHub is not answering right now. I'll keep trying and link the issue here once it is open.",
    })
    .catch((error: unknown) =>
      log.warn({ err: error }, 'could not say in the thread that GitHub is being retried'),
    );
}

async function existingOrNewIssue(
  services: Services,
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
    const { draft, logins } = await draftFor(services, group, item);
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
    if (isIssueTrackerError(error) && error.failure.kind !== 'transient') {
      throw new PermanentJobError(error.message);
    }
    throw error;
  }
}

const isInvalidAssignees = (e: unknown): e is IssueTrackerError =>
  isIssueTrackerError(e) && e.failure.kind === 'invalid-assignees';

/** The item's issue, given the logins GitHub refused as assignees. */
async function draftFor(
  services: Services,
  group: ResolvedGroup,
  item: ActionItem,
): Promise<{ draft: (unassignable: readonly string[]) => NewIssue; logins: readonly string[] }> {
  const owners = item.owners;
  const [names, meeting, permalink] = await Promise.all([
    slackNames(services.slack, [...owners, item.authorId]),
    item.meetingStartsAt ? services.occurrences.find(group.id, item.meetingStartsAt) : undefined,
    permalinkOf(services.slack, item.channelId, item.messageTs),
  ]);
  const issueOwners: IssueOwner[] = owners.map((id) => ({
    name: names.get(id) ?? id,
    login: group.githubLogins[id],
  }));
  const today = todayIn(services.clock.now(), group.timeZone);
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
