import { isIssueTrackerError } from '../core/todo/issueTracker.js';
import type { JobSpec } from '../core/ports/jobQueue.js';
import type { Services } from '../services.js';
import { slackNames } from '../slack/todo/slackNames.js';
import type { ActionItem, ActionItemId } from '../core/model/actionItem.js';
import { type JobHandler, PermanentJobError, parsePayload } from './jobHandler.js';

export const GITHUB_ISSUE_STATE_JOB = 'github-issue-state';

interface Payload {
  readonly itemId: ActionItemId;
  /** Who changed the item in Slack (named in the comment). */
  readonly by: string | undefined;
}

/**
 * One job per change of the item: done, reopen, done again. The status is in the key with the
 * time of the change, so a reopen in the same millisecond as the close is not taken for it.
 */
export const githubIssueStateJobSpec = (item: ActionItem, now: Date, by: string | undefined): JobSpec => ({
  key: `${GITHUB_ISSUE_STATE_JOB}:${item.id}:${item.updatedAt}:${item.status}`,
  kind: GITHUB_ISSUE_STATE_JOB,
  payload: { itemId: item.id, by } satisfies Payload,
  runAt: now,
});

/**
 * Brings an item's GitHub issue to the item's state: `/todo done` closes it with a comment,
 * `/todo reopen` reopens it. An issue already in that state on the first attempt (closed on
 * GitHub, which is how the item got done) is left alone.
 */
export function githubIssueStateJob(services: Services): JobHandler {
  return async (job, { log }) => {
    const { itemId, by } = parsePayload<Payload>(job);
    const item = await services.actionItems.byId(itemId);
    const group = item ? services.groups.byId(item.groupId) : undefined;
    const tracker = services.github;
    if (!item || !group?.github || !tracker) return;
    if (item.githubIssue === null) {
      // The issue job links it first and enqueues this again if the item is still done.
      log.info({ itemId }, 'no GitHub issue yet; the issue job will close it if needed');
      return;
    }
    const repo = { owner: group.github.owner, repo: group.github.repo };
    const want = item.status === 'done' ? 'closed' : 'open';
    try {
      const issue = await tracker.get(repo, item.githubIssue.number);
      if (issue.state === want && job.attempts === 1) return;
      const who = by ? ((await slackNames(services.slack, [by])).get(by) ?? by) : undefined;
      if (issue.state !== want) await tracker.setState(repo, item.githubIssue.number, want);
      const verb = want === 'closed' ? 'Marked done' : 'Reopened';
      await tracker.comment(
        repo,
        item.githubIssue.number,
        `${verb} in Slack${who ? ` by ${who.replace(/@/g, '@\u200d')}` : ''} (action item #${item.number}).`,
      );
    } catch (error) {
      if (isIssueTrackerError(error) && error.failure.kind !== 'transient') {
        throw new PermanentJobError(error.message);
      }
      throw error;
    }
  };
}
