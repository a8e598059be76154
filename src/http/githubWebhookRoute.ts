import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { Webhooks } from '@octokit/webhooks';
import type { Log } from '../core/ports/log.js';

/** What came of one delivery that concerned gavel, for the log and the answer. */
export interface WebhookResult {
  readonly outcome: string;
  /** Logged with the outcome (issue number, action …). */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface GithubWebhookDeps {
  readonly log: Log;
  /** Acts on a verified delivery; undefined when it is none of gavel's business (202). */
  readonly deliver: (eventName: string | undefined, payload: unknown) => Promise<WebhookResult | undefined>;
}

/** `issues` deliveries are a few kilobytes; anything this large is not from GitHub. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * `POST /github/webhook`: GitHub's deliveries for the groups' repositories. Each must carry
 * `X-Hub-Signature-256` made with GITHUB_WEBHOOK_SECRET over the raw body; anything else is
 * refused with 401 before it is read as JSON. Without a secret configured the route is absent (404).
 */
export function githubWebhookRoute(deps: GithubWebhookDeps, secret: string | undefined): CustomRoute {
  const webhooks = secret ? new Webhooks({ secret }) : undefined;
  return {
    path: '/github/webhook',
    method: ['POST'],
    handler: (req, res) => {
      void handle(req, res, deps, webhooks);
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GithubWebhookDeps,
  webhooks: Webhooks | undefined,
): Promise<void> {
  const reply = (status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message }));
  };
  if (!webhooks) return reply(404, 'GitHub webhooks are not configured');
  let raw: string;
  try {
    raw = await readBody(req);
  } catch {
    return reply(413, 'payload too large');
  }
  const signature = req.headers['x-hub-signature-256'];
  const valid = typeof signature === 'string' && (await webhooks.verify(raw, signature).catch(() => false));
  if (!valid) {
    deps.log.warn(
      { delivery: req.headers['x-github-delivery'] },
      'GitHub webhook with a bad signature refused',
    );
    return reply(401, 'bad signature');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    // Signed but unreadable: redelivering it cannot help, so not a 5xx.
    return reply(400, 'body is not JSON');
  }
  try {
    const eventName = req.headers['x-github-event'];
    const result = await deps.deliver(typeof eventName === 'string' ? eventName : undefined, payload);
    if (!result) return reply(202, 'ignored');
    deps.log.info({ ...result.fields, outcome: result.outcome }, 'GitHub issue event');
    reply(200, result.outcome);
  } catch (error) {
    deps.log.error({ err: error }, 'GitHub webhook failed');
    // 500 makes the delivery show as failed in GitHub, where it can be redelivered.
    reply(500, 'failed');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is read to its end (and dropped) so the 413 still reaches the sender.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) reject(new Error('too large'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
