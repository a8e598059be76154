import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { Webhooks } from '@octokit/webhooks';
import { applyIssueEvent } from '../../github/applyIssueEvent.js';
import { parseIssueEvent } from '../../github/issueEvent.js';
import type { Services } from '../../services.js';

/** `issues` deliveries are a few kilobytes; anything this large is not from GitHub. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * `POST /github/webhook`: GitHub's deliveries for the groups' repositories. Each must carry
 * `X-Hub-Signature-256` made with GITHUB_WEBHOOK_SECRET over the raw body; anything else is
 * refused with 401 before it is read as JSON. Without a secret configured the route is absent (404).
 */
export function githubWebhookRoute(
  services: () => Services | undefined,
  secret: string | undefined,
): CustomRoute {
  const webhooks = secret ? new Webhooks({ secret }) : undefined;
  return {
    path: '/github/webhook',
    method: ['POST'],
    handler: (req, res) => {
      void handle(req, res, services(), webhooks);
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  services: Services | undefined,
  webhooks: Webhooks | undefined,
): Promise<void> {
  const reply = (status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message }));
  };
  if (!webhooks) return reply(404, 'GitHub webhooks are not configured');
  if (!services) return reply(503, 'starting');
  let raw: string;
  try {
    raw = await readBody(req);
  } catch {
    return reply(413, 'payload too large');
  }
  const signature = req.headers['x-hub-signature-256'];
  const valid = typeof signature === 'string' && (await webhooks.verify(raw, signature).catch(() => false));
  if (!valid) {
    services.log.warn(
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
    const event = parseIssueEvent(typeof eventName === 'string' ? eventName : undefined, payload);
    if (!event) return reply(202, 'ignored');
    const outcome = await applyIssueEvent(services, event);
    services.log.info({ issue: event.number, action: event.action, outcome }, 'GitHub issue event');
    reply(200, outcome);
  } catch (error) {
    services.log.error({ err: error }, 'GitHub webhook failed');
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
