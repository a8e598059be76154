import { afterEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';

const TOKEN = 'ghp_standintest00000000000000000000000000';
const OWNER = 'cncf';
const REPO = 'wg-serverless';

describe('the GitHub REST API stand-in: issue comments', () => {
  let github: GithubApiServer;
  afterEach(async () => {
    await github.close();
  });

  const start = async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
  };
  const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${github.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const commentsPath = (number: number, query = '') =>
    `/repos/${OWNER}/${REPO}/issues/${number}/comments${query}`;

  it('seeds issues and pull requests someone else opened, numbered together', async () => {
    await start();
    const issue = github.addIssue({ owner: OWNER, repo: REPO, title: 'Agenda: CloudEvents 2.0' });
    const pull = github.addIssue({ owner: OWNER, repo: REPO, title: 'Add minutes', pullRequest: true });
    expect([issue.number, pull.number]).toEqual([1, 2]);
    const pullJson = (await (await api(`/repos/${OWNER}/${REPO}/issues/2`)).json()) as Record<
      string,
      unknown
    >;
    expect(pullJson['pull_request']).toMatchObject({
      html_url: `https://github.com/${OWNER}/${REPO}/pull/2`,
    });
    const issueJson = (await (await api(`/repos/${OWNER}/${REPO}/issues/1`)).json()) as Record<
      string,
      unknown
    >;
    expect(issueJson).not.toHaveProperty('pull_request');
  });

  it('lists comments oldest first in GitHub’s shape, paged with a Link header', async () => {
    await start();
    const { number } = github.addIssue({ owner: OWNER, repo: REPO });
    for (let i = 1; i <= 5; i++) github.addComment(OWNER, REPO, number, `comment ${i}`, 'alice');
    const first = await api(commentsPath(number, '?per_page=2'));
    expect(first.status).toBe(200);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain(`<${github.url}${commentsPath(number, '?per_page=2&page=2')}>; rel="next"`);
    expect(link).toContain(`<${github.url}${commentsPath(number, '?per_page=2&page=3')}>; rel="last"`);
    const comments = (await first.json()) as Record<string, unknown>[];
    expect(comments.map((c) => c['body'])).toEqual(['comment 1', 'comment 2']);
    const [oldest] = comments;
    expect(oldest).toMatchObject({ body: 'comment 1', user: { login: 'alice' } });
    expect(typeof oldest?.['id']).toBe('number');
    expect(oldest?.['html_url']).toMatch(/\/issues\/1#issuecomment-\d+$/);
    expect(Date.parse(String(oldest?.['created_at']))).not.toBeNaN();
    const last = await api(commentsPath(number, '?per_page=2&page=3'));
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('answers 404 for the comments of an issue that does not exist', async () => {
    await start();
    const res = await api(commentsPath(7));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'Not Found' });
  });

  it('creates a comment with 201 and the real shape, refusing an empty body with 422', async () => {
    await start();
    const { number } = github.addIssue({ owner: OWNER, repo: REPO });
    const res = await api(commentsPath(number), { method: 'POST', body: { body: 'Minutes are up.' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toMatchObject({ body: 'Minutes are up.', user: { login: 'gavel-bot' } });
    expect(github.comments(OWNER, REPO, number)).toEqual([created]);
    expect(github.issue(OWNER, REPO, number)?.comments).toEqual(['Minutes are up.']);
    const empty = await api(commentsPath(number), { method: 'POST', body: { body: '' } });
    expect(empty.status).toBe(422);
  });

  it('holds the answer to a comment it already stored while beforeAnswer runs', async () => {
    await start();
    const { number } = github.addIssue({ owner: OWNER, repo: REPO });
    let storedBeforeAnswer: number | undefined;
    github.beforeAnswer('issues.createComment', async () => {
      storedBeforeAnswer = github.comments(OWNER, REPO, number).length;
    });
    const res = await api(commentsPath(number), { method: 'POST', body: { body: 'once' } });
    expect(res.status).toBe(201);
    expect(storedBeforeAnswer).toBe(1);
  });
});
