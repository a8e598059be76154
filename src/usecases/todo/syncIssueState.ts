import type { ActionItemId } from '../../core/model/actionItem.js';
import type { Log } from '../../core/ports/log.js';
import { permanentUnlessTransient } from './createGithubIssue.js';
import type { TodoDeps } from './todoDeps.js';

/**
 * Brings an item's GitHub issue to the item's state: `/todo done` closes it with a comment,
 * `/todo reopen` reopens it. An issue already in that state on the first attempt (closed on
 * GitHub, which is how the item got done) is left alone. `by`: who changed it in Slack.
 */
export async function syncIssueState(
  deps: Pick<TodoDeps, 'actionItems' | 'groups' | 'workspace' | 'github'>,
  job: { readonly itemId: ActionItemId; readonly by: string | undefined; readonly attempt: number },
  log: Log,
): Promise<void> {
  const { itemId, by } = job;
  const item = await deps.actionItems.byId(itemId);
  const group = item ? deps.groups.byId(item.groupId) : undefined;
  const tracker = deps.github;
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
    if (issue.state === want && job.attempt === 1) return;
    const who = by ? ((await deps.workspace.userNames([by])).get(by) ?? by) : undefined;
    if (issue.state !== want) await tracker.setState(repo, item.githubIssue.number, want);
    const verb = want === 'closed' ? 'Marked done' : 'Reopened';
    await tracker.comment(
      repo,
      item.githubIssue.number,
      `${verb} in Slack${who ? ` by ${who.replace(/@/g, '@\u200d')}` : ''} (action item #${item.number}).`,
    );
  } catch (error) {
    throw permanentUnlessTransient(error);
  }
}
