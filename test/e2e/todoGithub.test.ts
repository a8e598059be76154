import { createHmac, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

// Monday 23 Nov 2026, 04:00 in Los Angeles. The harness's groups file gives #serverless the
// repository cncf/wg-serverless, the label `action-item`, and maps Alice (MEMBER) to alice-gh.
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const REPO = ['cncf', 'wg-serverless'] as const;

/**
 * The throttling plugin spaces GitHub writes that notify people (issue creation, comments)
 * three real seconds apart; tests that make several of them take that long.
 */
const PACED = 20_000;

describe.each(ENGINES)('action items on GitHub on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer;
  afterEach(async () => {
    await h.stop();
    await github.close();
  });

  const start = async (opts: { webhook?: boolean; env?: Record<string, string> } = {}) => {
    github = await startGithubApiServer({ tokens: [TOKEN], installations: ['4242'] });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      env: {
        GITHUB_API_URL: github.url,
        ...(opts.env ?? { GITHUB_TOKEN: TOKEN }),
        ...(opts.webhook === false ? {} : { GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET }),
      },
    });
  };
  const item = (number: number) =>
    h.db.opened.db
      .selectFrom('action_items')
      .selectAll()
      .where('group_id', '=', 'serverless')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
  const job = (key: string) =>
    h.db.opened.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  /** `/todo …`, then waits for the item's announcement, whose thread the issue link goes to. */
  const record = async (text: string, userId = MEMBER) => {
    const res = await h.command('/todo', text, { userId });
    expect(res.status).toBe(200);
    await vi.waitFor(async () => {
      const rows = await h.db.opened.db.selectFrom('action_items').select('message_ts').execute();
      expect(rows.length > 0 && rows.every((r) => r.message_ts !== null)).toBe(true);
    });
  };
  const threadReplies = () => h.slack.callsTo('chat.postMessage').filter((m) => m['thread_ts']);
  const deliver = async (
    payload: unknown,
    opts: { secret?: string; event?: string; signature?: string } = {},
  ) => {
    const body = JSON.stringify(payload);
    const signature =
      opts.signature ??
      `sha256=${createHmac('sha256', opts.secret ?? WEBHOOK_SECRET)
        .update(body)
        .digest('hex')}`;
    const res = await fetch(`${h.url}/github/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': opts.event ?? 'issues',
        'x-github-delivery': `delivery-${Math.random()}`,
        'x-hub-signature-256': signature,
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as { message: string } };
  };
  const issueEvent = (action: 'closed' | 'reopened', number: number, body: string) => ({
    action,
    issue: { number, state: action === 'closed' ? 'closed' : 'open', body, title: 'x' },
    repository: { name: REPO[1], full_name: REPO.join('/'), owner: { login: REPO[0] } },
    sender: { login: 'alice-gh' },
  });

  it('opens an issue per item: mapped owners assigned, unmapped ones named, link replied in the thread', async () => {
    await start();
    await record(`<@${MEMBER}> <@${OTHER_MEMBER}> Write the <!channel> post for @cncf/toc by Dec 7`);
    await h.gavel.tick();

    const [issue, ...more] = github.issues(...REPO);
    expect(more).toEqual([]);
    const stored = await item(1);
    expect(issue).toMatchObject({
      number: 1,
      title: 'Write the @channel post for @cncf/toc',
      labels: ['action-item'],
      assignees: ['alice-gh'],
      state: 'open',
    });
    const body = issue!.body;
    expect(body).toContain(`Write the channel post for @\u200dcncf/toc`);
    expect(body).toContain('**Owners:** @alice-gh, Bob (on Slack; no GitHub login on file)');
    expect(body).toContain('**Due:** Mon Dec 7 (2026-12-07)');
    expect(body).toContain('**Recorded by:** Alice in #serverless (CNCF Serverless WG)');
    expect(body).toContain(
      `**Slack:** [action item #1](https://gavel.slack.com/archives/${SERVERLESS_CHANNEL}/p${stored.message_ts!.replace('.', '')})`,
    );
    expect(body.endsWith(`<!-- gavel:item:${stored.id} -->`)).toBe(true);
    expect(github.callsTo('issues.create')[0]?.authorization).toBe(`token ${TOKEN}`);

    expect(stored).toMatchObject({
      github_issue_number: 1,
      github_issue_url: 'https://github.com/cncf/wg-serverless/issues/1',
    });
    expect(threadReplies()).toEqual([
      expect.objectContaining({
        channel: SERVERLESS_CHANNEL,
        thread_ts: stored.message_ts,
        text: 'Action item #1 is followed up in <https://github.com/cncf/wg-serverless/issues/1|cncf/wg-serverless#1>.',
      }),
    ]);
    // Running the queue again changes nothing.
    await h.gavel.tick();
    expect(github.callsTo('issues.create')).toHaveLength(1);
    expect(threadReplies()).toHaveLength(1);
  });

  it(
    'retries without an assignee GitHub refuses (422) and names them in the body instead',
    async () => {
      await start();
      github.refuseAssignees('alice-gh');
      await record(`<@${MEMBER}> Triage the backlog`);
      await h.gavel.tick();
      const creates = github.callsTo('issues.create');
      expect(creates.map((c) => [c.status, (c.body as { assignees: string[] }).assignees])).toEqual([
        [422, ['alice-gh']],
        [201, []],
      ]);
      const [issue] = github.issues(...REPO);
      expect(issue?.assignees).toEqual([]);
      expect(issue?.body).toContain('**Owners:** @alice-gh (could not be assigned)');
      expect((await item(1)).github_issue_number).toBe(1);
    },
    PACED,
  );

  it('opens exactly one issue when GitHub created it but the answer was lost', async () => {
    await start();
    github.fail({ op: 'issues.create', kind: 'after-applying', then: 'drop' });
    await record(`<@${MEMBER}> Survive the crash`);
    const { id } = await item(1);
    await h.gavel.tick();
    expect(github.issues(...REPO)).toHaveLength(1);
    expect((await item(1)).github_issue_number).toBeNull();
    expect(await job(`github-issue:${id}`)).toMatchObject({ status: 'pending', attempts: 1 });

    h.clock.advance(60_000);
    await h.gavel.tick();
    // The retry found its own marker instead of creating a second issue.
    expect(github.callsTo('search.issues')[0]?.query['q']).toContain(`"<!-- gavel:item:${id} -->"`);
    expect(github.callsTo('issues.create')).toHaveLength(1);
    expect(github.issues(...REPO)).toHaveLength(1);
    expect((await item(1)).github_issue_number).toBe(1);
    expect(await job(`github-issue:${id}`)).toMatchObject({ status: 'done' });
    // The thread heard that GitHub was being retried, then got the link.
    expect(threadReplies().map((m) => String(m['text']))).toEqual([
      expect.stringContaining('GitHub is not answering'),
      expect.stringContaining('github.com'),
    ]);
  });

  it('opens exactly one issue after a 502 that hid a created issue', async () => {
    await start();
    github.fail({ op: 'issues.create', kind: 'after-applying', then: '502' });
    await record(`<@${MEMBER}> Survive the bad gateway`);
    await h.gavel.tick();
    h.clock.advance(60_000);
    await h.gavel.tick();
    expect(github.issues(...REPO)).toHaveLength(1);
    expect(github.callsTo('issues.create')).toHaveLength(1);
    expect((await item(1)).github_issue_number).toBe(1);
  });

  it('waits out a secondary rate limit instead of failing', async () => {
    await start();
    github.fail({ op: 'issues.create', kind: 'secondary-rate-limit', retryAfter: 1 });
    await record(`<@${MEMBER}> Be patient`);
    await h.gavel.tick();
    expect(github.callsTo('issues.create').map((c) => c.status)).toEqual([403, 201]);
    expect(github.issues(...REPO)).toHaveLength(1);
    expect((await item(1)).github_issue_number).toBe(1);
  });

  it('marks the item done when its issue is closed on GitHub, and open again when reopened', async () => {
    await start();
    await record(`<@${MEMBER}> Close me on GitHub`);
    await h.gavel.tick();
    const { body } = github.issue(...REPO, 1)!;

    const forged = await deliver(issueEvent('closed', 1, body), { secret: 'not-the-secret' });
    expect(forged).toEqual({ status: 401, body: { message: 'bad signature' } });
    const unsigned = await deliver(issueEvent('closed', 1, body), { signature: '' });
    expect(unsigned.status).toBe(401);
    expect((await item(1)).status).toBe('open');

    expect(await deliver(issueEvent('closed', 1, body))).toEqual({
      status: 200,
      body: { message: 'changed' },
    });
    expect((await item(1)).status).toBe('done');
    // GitHub redelivers: nothing changes twice.
    expect((await deliver(issueEvent('closed', 1, body))).body.message).toBe('unchanged');
    await h.gavel.tick();
    const message = h.slack.messages().find((m) => m['ts'] === h.slack.messages()[0]?.['ts']);
    expect(String(message?.['text'])).toMatch(/^:white_check_mark: ~Action item #1/);

    expect((await deliver(issueEvent('reopened', 1, body))).body.message).toBe('changed');
    expect((await item(1)).status).toBe('open');
    expect((await deliver({ zen: 'Keep it logically awesome.' }, { event: 'ping' })).status).toBe(202);
    // Closing on GitHub does not echo back to GitHub.
    await h.gavel.tick();
    expect(github.callsTo('issues.update')).toEqual([]);
    expect(github.callsTo('issues.createComment')).toEqual([]);
  });

  it(
    'closes the issue with a comment on `/todo done`, and reopens it on `/todo reopen`',
    async () => {
      await start();
      await record(`<@${OTHER_MEMBER}> Close me from Slack`, LEAD);
      await h.gavel.tick();
      const done = await h.command('/todo', 'done 1', { userId: OTHER_MEMBER });
      expect((done.body as { text: string }).text).toContain('marked action item #1 done');
      await h.gavel.tick();
      const issue = github.issue(...REPO, 1)!;
      expect(issue.state).toBe('closed');
      expect(issue.comments).toEqual(['Marked done in Slack by Bob (action item #1).']);
      expect(github.callsTo('issues.update')[0]?.body).toMatchObject({
        state: 'closed',
        state_reason: 'completed',
      });

      await h.command('/todo', 'reopen 1', { userId: LEAD });
      await h.gavel.tick();
      expect(issue.state).toBe('open');
      expect(issue.comments.at(-1)).toBe('Reopened in Slack by Lea Lead (action item #1).');
    },
    PACED,
  );

  it('without a webhook, an hourly job finds issues closed on GitHub', async () => {
    await start({ webhook: false });
    await record(`<@${MEMBER}> Close me quietly`);
    await h.gavel.tick();
    expect((await deliver(issueEvent('closed', 1, ''))).status).toBe(404);

    github.setState(...REPO, 1, 'closed');
    await h.gavel.tick();
    expect((await item(1)).status).toBe('open');
    h.clock.advance(60 * 60_000);
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect((await item(1)).status).toBe('done');
    expect(github.callsTo('issues.get').length).toBeGreaterThan(0);
  });

  it('with a webhook, does not poll', async () => {
    await start();
    h.clock.advance(60 * 60_000);
    await h.gavel.replanAll();
    const polls = await h.db.opened.db
      .selectFrom('jobs')
      .select('key')
      .where('kind', '=', 'todo-reconcile')
      .execute();
    expect(polls).toEqual([]);
  });

  it('authenticates as a GitHub App installation', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    await start({
      env: { GITHUB_APP_ID: '123', GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_APP_INSTALLATION_ID: '4242' },
    });
    await record(`<@${MEMBER}> Work as an app`);
    await h.gavel.tick();
    const [tokenCall] = github.callsTo('apps.createInstallationAccessToken');
    expect(tokenCall?.authorization).toMatch(/^bearer /i);
    expect(github.callsTo('issues.create')[0]?.authorization).toMatch(/^token ghs_installation/);
    expect(github.issues(...REPO)).toHaveLength(1);
  });
});
