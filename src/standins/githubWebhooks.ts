import { createHmac } from 'node:crypto';
import type { StoredIssue } from './githubApiServer.js';

/**
 * GitHub's webhook deliveries about issues and pull requests, built from the stand-in's
 * issues in the shape GitHub sends (the fields of @octokit/webhooks-examples that gavel
 * reads, and the ones around them), and sent signed as GitHub signs them.
 */

export type IssueAction =
  'opened' | 'labeled' | 'unlabeled' | 'closed' | 'reopened' | 'edited' | 'deleted' | 'transferred';

const login = (i: StoredIssue) => i.author ?? 'gavel-bot';
const user = (name: string) => ({
  login: name,
  id: 583231,
  type: 'User',
  html_url: `https://github.com/${name}`,
});

const repository = (i: StoredIssue) => ({
  id: 186853002,
  name: i.repo,
  full_name: `${i.owner}/${i.repo}`,
  private: false,
  owner: { ...user(i.owner), type: 'Organization' },
  html_url: `https://github.com/${i.owner}/${i.repo}`,
});

function body(i: StoredIssue) {
  const kind = i.pullRequest ? 'pull' : 'issues';
  return {
    id: 2_000_000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    html_url: `https://github.com/${i.owner}/${i.repo}/${kind}/${i.number}`,
    user: user(login(i)),
    labels: i.labels.map((name, k) => ({ id: 100 + k, name, color: 'ededed', default: false })),
    created_at: '2026-11-23T12:00:00Z',
    updated_at: '2026-11-23T12:00:00Z',
  };
}

/**
 * An `issues` delivery (or `pull_request`, for a pull request) about `issue` as it is now.
 * `label` is the label added or removed (labeled, unlabeled); `titleFrom` the old title (edited).
 */
export function issueDelivery(
  action: IssueAction,
  issue: StoredIssue,
  opts: { readonly label?: string; readonly titleFrom?: string; readonly sender?: string } = {},
): { readonly event: 'issues' | 'pull_request'; readonly payload: Record<string, unknown> } {
  const extra = {
    ...(opts.label === undefined ? {} : { label: { id: 100, name: opts.label, color: 'ededed' } }),
    ...(opts.titleFrom === undefined ? {} : { changes: { title: { from: opts.titleFrom } } }),
    repository: repository(issue),
    sender: user(opts.sender ?? login(issue)),
  };
  if (issue.pullRequest) {
    return {
      event: 'pull_request',
      payload: {
        action,
        number: issue.number,
        pull_request: { ...body(issue), merged: false, draft: false },
        ...extra,
      },
    };
  }
  return { event: 'issues', payload: { action, issue: body(issue), ...extra } };
}

/** POSTs a delivery to gavel's webhook endpoint, signed with `secret` as GitHub does. */
export async function sendGithubWebhook(
  baseUrl: string,
  secret: string,
  delivery: { readonly event: string; readonly payload: unknown },
  deliveryId = `delivery-${Math.random().toString(36).slice(2)}`,
): Promise<{ status: number; message: string }> {
  const raw = JSON.stringify(delivery.payload);
  const res = await fetch(`${baseUrl}/github/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': delivery.event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
    },
    body: raw,
  });
  return { status: res.status, message: ((await res.json()) as { message: string }).message };
}
