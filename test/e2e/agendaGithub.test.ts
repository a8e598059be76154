import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { issueDelivery, sendGithubWebhook } from '../../src/standins/githubWebhooks.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, MEMBER, SERVERLESS_YAML, startHarness } from '../support/gavelHarness.js';

// Monday 23 Nov 2026, 04:00 in Los Angeles; the Weekly call is Thursday 26 Nov, 09:00 PST.
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const SECRET = 'webhook-secret-for-tests';
const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

/** The harness's group, taking `wg-agenda` issues from its repository and every cloudevents one. */
const YAML = SERVERLESS_YAML.replace(
  '    reminders: [24h, 10m]\n',
  '    reminders: [24h, 10m]\n    agenda:\n      github:\n        label: wg-agenda\n        repos: [cncf/wg-serverless, cloudevents/*]\n',
);

interface Ack {
  text?: string;
}

describe.each(ENGINES)('agenda items from GitHub labels on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer;
  afterEach(async () => {
    await h.stop();
    await github.close();
  });

  /** What an operator reads: the app's JSON log lines. */
  let logged: string[] = [];
  const start = async (opts: { webhook?: boolean; yaml?: string } = {}) => {
    logged = [];
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: opts.yaml ?? YAML,
      retryBaseMs: 1,
      log: pino({ level: 'info' }, { write: (line: string) => void logged.push(line) }),
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: TOKEN,
        ...(opts.webhook === false ? {} : { GITHUB_WEBHOOK_SECRET: SECRET }),
      },
    });
    await h.gavel.tick();
  };
  const rows = () =>
    h.db.opened.db
      .selectFrom('agenda_items')
      .selectAll()
      .where('group_id', '=', 'serverless')
      .orderBy('meeting_starts_at')
      .orderBy('number')
      .execute();
  const list = async (text = 'list', userId = MEMBER) =>
    ((await h.command('/agenda', text, { userId })).body as Ack).text ?? '';
  const deliver = (...args: Parameters<typeof issueDelivery>) =>
    sendGithubWebhook(h.url, SECRET, issueDelivery(...args));
  /** The hourly sync of the next hour: the planner queues it, the queue runs it. */
  const nextHour = async () => {
    h.clock.advance(60 * 60_000);
    await h.gavel.replanAll();
    await h.gavel.tick();
  };
  const reminder = () =>
    JSON.stringify(
      h.slack
        .messages()
        .filter((m) => String(m['text']).startsWith('Reminder:'))
        .at(-1)?.['blocks'],
    );

  it('puts every open labelled issue and pull request on the next agenda at start, without a webhook, and in the reminder', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Spec review',
      labels: ['wg-agenda'],
      author: 'alice-gh',
    });
    github.addIssue({ owner: 'cncf', repo: 'wg-serverless', title: 'Not for the meeting', labels: ['bug'] });
    github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Closed already',
      labels: ['wg-agenda'],
      state: 'closed',
    });
    github.addIssue({
      owner: 'cloudevents',
      repo: 'spec',
      title: 'Add the xyz attribute',
      labels: ['WG-Agenda'],
      pullRequest: true,
      author: 'duglin',
    });
    github.addIssue({ owner: 'other', repo: 'repo', title: 'Elsewhere', labels: ['wg-agenda'] });
    await start({ webhook: false });

    expect(
      (await rows()).map((r) => [
        r.meeting_starts_at,
        r.number,
        r.topic,
        r.github_repo,
        r.github_number,
        r.github_kind,
        r.author_id,
      ]),
    ).toEqual([
      [NOV26, 1, 'Spec review', 'cncf/wg-serverless', 1, 'issue', MEMBER],
      [NOV26, 2, 'Add the xyz attribute', 'cloudevents/spec', 1, 'pull-request', ''],
    ]);
    expect(github.callsTo('issues.listForRepo')[0]?.query).toMatchObject({
      labels: 'wg-agenda',
      state: 'open',
    });
    expect(github.callsTo('search.issues')[0]?.query['q']).toBe('label:"wg-agenda" is:open user:cloudevents');

    const text = await list();
    expect(text).toContain(
      '1. <https://github.com/cncf/wg-serverless/issues/1|Spec review> _(issue cncf/wg-serverless#1)_ — <@U0MEMBER1>',
    );
    expect(text).toContain(
      '2. <https://github.com/cloudevents/spec/pull/1|Add the xyz attribute> _(PR cloudevents/spec#1)_ — duglin on GitHub',
    );

    // A typed item takes the next number; a second sync changes nothing.
    await h.command('/agenda', 'add Typed topic');
    await h.gavel.tick();
    await nextHour();
    expect((await rows()).map((r) => r.number)).toEqual([1, 2, 3]);

    // Labelled later, without a webhook: the hourly sync brings it.
    github.addIssue({ owner: 'cncf', repo: 'wg-serverless', title: 'Late arrival', labels: ['wg-agenda'] });
    await nextHour();
    expect((await rows()).map((r) => r.topic)).toEqual([
      'Spec review',
      'Add the xyz attribute',
      'Typed topic',
      'Late arrival',
    ]);

    // The sync just before the reminder, then the reminder: both see GitHub as it is then.
    github.issue('cncf', 'wg-serverless', 1)!.labels = [];
    h.clock.set(at(NOV26, -24 * 60 - 7));
    await h.gavel.tick();
    h.clock.set(at(NOV26, -24 * 60));
    await h.gavel.tick();
    const blocks = reminder();
    expect(blocks).not.toContain('Spec review');
    expect(blocks).toContain(
      JSON.stringify(
        '<https://github.com/cloudevents/spec/pull/1|Add the xyz attribute> _(PR cloudevents/spec#1)_ _(duglin on GitHub)_',
      ).slice(1, -1),
    );
    expect(blocks).toContain('Late arrival');
  });

  it('follows webhook deliveries: labelled, delivered twice, renamed, unlabelled, labelled again, closed', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    await start();
    expect(await rows()).toEqual([]);

    const issue = github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Release plan',
      labels: ['wg-agenda'],
      author: 'alice-gh',
    });
    expect(await deliver('labeled', issue, { label: 'wg-agenda' })).toEqual({
      status: 200,
      message: 'added',
    });
    expect(await deliver('labeled', issue, { label: 'wg-agenda' })).toEqual({
      status: 200,
      message: 'unchanged',
    });
    expect((await rows()).map((r) => [r.number, r.topic, r.status])).toEqual([[1, 'Release plan', 'open']]);

    issue.title = 'Release plan for 1.0';
    expect((await deliver('edited', issue, { titleFrom: 'Release plan' })).message).toBe('updated');
    expect(await list()).toContain('|Release plan for 1.0>');

    issue.labels = [];
    expect((await deliver('unlabeled', issue, { label: 'wg-agenda' })).message).toBe('removed');
    expect(await rows()).toEqual([]);
    expect((await deliver('unlabeled', issue, { label: 'wg-agenda' })).message).toBe('unchanged');

    issue.labels = ['wg-agenda'];
    await deliver('labeled', issue, { label: 'wg-agenda' });
    await deliver('labeled', issue, { label: 'wg-agenda' });
    await nextHour();
    expect((await rows()).map((r) => [r.topic, r.status])).toEqual([['Release plan for 1.0', 'open']]);

    // Closed before the meeting: off the agenda, and the sync agrees.
    issue.state = 'closed';
    // (The action items' reader of the delivery answers too: it is not one of theirs.)
    expect((await deliver('closed', issue)).message).toBe('not-an-item; removed');
    await nextHour();
    expect(await rows()).toEqual([]);
    expect(await list()).toContain('No agenda items yet');

    // A pull request's delivery, and one about a repository the group does not take.
    const pr = github.addIssue({
      owner: 'cloudevents',
      repo: 'sdk-go',
      title: 'Bump',
      labels: ['wg-agenda'],
      pullRequest: true,
      author: 'duglin',
    });
    expect((await deliver('labeled', pr, { label: 'wg-agenda' })).message).toBe('added');
    const other = github.addIssue({ owner: 'other', repo: 'repo', labels: ['wg-agenda'] });
    expect((await deliver('labeled', other, { label: 'wg-agenda' })).status).toBe(202);
    expect((await rows()).map((r) => [r.github_repo, r.github_kind, r.github_url])).toEqual([
      ['cloudevents/sdk-go', 'pull-request', 'https://github.com/cloudevents/sdk-go/pull/1'],
    ]);

    // Deleted (or transferred away): gone from the agenda.
    expect((await deliver('deleted', pr)).message).toBe('removed');
    expect(await rows()).toEqual([]);
  });

  it('keeps a covered item in its meeting’s record when it is unlabelled; still labelled, it is on the next meeting once', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    const issue = github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Discuss governance',
      labels: ['wg-agenda'],
    });
    await start();
    expect(await list('done 1', LEAD)).toContain('Marked #1 of Thu 26 Nov covered');

    // Still labelled: the next sync puts it on the meeting after, not a second time on this one.
    await nextHour();
    expect((await rows()).map((r) => [r.meeting_starts_at, r.status])).toEqual([
      [NOV26, 'covered'],
      [DEC03, 'open'],
    ]);
    await nextHour();
    expect(await rows()).toHaveLength(2);

    issue.labels = [];
    await deliver('unlabeled', issue, { label: 'wg-agenda' });
    expect((await rows()).map((r) => [r.meeting_starts_at, r.status])).toEqual([[NOV26, 'covered']]);
    expect(await list()).toContain(
      ':white_check_mark: <https://github.com/cncf/wg-serverless/issues/1|Discuss governance>',
    );

    // A labelled item is not removed in Slack: the label would bring it back.
    issue.labels = ['wg-agenda'];
    await deliver('labeled', issue, { label: 'wg-agenda' });
    expect(await list('remove 1 2026-12-03', LEAD)).toContain('remove the label there');
  });

  it('keeps the last known items while GitHub fails, and retries the sync', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    const issue = github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Survives an outage',
      labels: ['wg-agenda'],
    });
    await start({ webhook: false });
    expect(await rows()).toHaveLength(1);

    issue.labels = [];
    // Octokit tries a failed read four times; all four fail.
    github.fail({ op: 'issues.listForRepo', kind: 'status', status: 500, times: 4 });
    await nextHour();
    expect(
      github
        .callsTo('issues.listForRepo')
        .slice(-4)
        .map((c) => c.status),
    ).toEqual([500, 500, 500, 500]);
    expect((await rows()).map((r) => r.topic)).toEqual(['Survives an outage']);
    const hourKey = `agenda-github-sync:serverless:hour:${h.clock.now().toISOString().slice(0, 13)}`;
    const job = () =>
      h.db.opened.db.selectFrom('jobs').selectAll().where('key', '=', hourKey).executeTakeFirstOrThrow();
    expect(await job()).toMatchObject({ status: 'pending', attempts: 1 });

    // GitHub is back: the queue's retry finds the label gone.
    h.clock.advance(10 * 60_000);
    await h.gavel.tick();
    expect(await job()).toMatchObject({ status: 'done', attempts: 2 });
    expect(await rows()).toEqual([]);
  });

  it('never lets a title ping: escaped in the list, the reply and the reminder', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: '<!channel> ask <@U0LEAD001> & <https://evil.example|click>',
      labels: ['wg-agenda'],
    });
    await start();
    const escaped = '&lt;!channel&gt; ask &lt;@U0LEAD001&gt; &amp; &lt;https://evil.example|click&gt;';
    expect(await list()).toContain(`1. <https://github.com/cncf/wg-serverless/issues/1|${escaped}>`);
    h.clock.set(at(NOV26, -17));
    await h.gavel.tick();
    h.clock.set(at(NOV26, -10));
    await h.gavel.tick();
    const blocks = reminder();
    expect(blocks).toContain(escaped);
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<@U0LEAD001>');
    expect(blocks).not.toContain('<https://evil.example');
  });

  it('takes what it can read when a repository is unreadable and an owner refused: the rest of the agenda is unaffected', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    github.addIssue({ owner: 'cncf', repo: 'wg-serverless', title: 'Hidden', labels: ['wg-agenda'] });
    github.addIssue({ owner: 'cncf', repo: 'toc', title: 'Readable', labels: ['wg-agenda'] });
    github.hide('cncf/wg-serverless', 404);
    github.hide('cloudevents');
    await start({
      yaml: YAML.replace(
        '[cncf/wg-serverless, cloudevents/*]',
        '[cncf/wg-serverless, cloudevents/*, cncf/toc]',
      ),
    });
    expect((await rows()).map((r) => r.topic)).toEqual(['Readable']);
    expect(github.callsTo('search.issues')[0]?.status).toBe(422);
    const errors = logged
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
    expect(errors.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^groups\.serverless\.agenda\.github\.repos\[0\]: gavel cannot read cncf\/wg-serverless \(GitHub 404/,
        ),
        expect.stringMatching(
          /^groups\.serverless\.agenda\.github\.repos\[1\]: GitHub refused to search cloudevents\/\* \(GitHub 422/,
        ),
      ]),
    );
  });
});
