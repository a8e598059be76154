import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';

const TOKEN = 'ghp_repostandin0000000000000000000000000';
const BASE = '/repos/cncf/wg-serverless';

describe('the GitHub REST API stand-in: repositories, git data and pull requests', () => {
  let github: GithubApiServer;
  afterEach(async () => {
    await github.close();
  });

  const start = async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    github.addRepo({
      owner: 'cncf',
      repo: 'wg-serverless',
      files: { 'README.md': '# Serverless WG\n', 'minutes/2026-11-16.md': 'Last week.\n' },
      protectedBranches: ['main'],
    });
  };
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${github.url}${BASE}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const gitBlobSha = (text: string) =>
    createHash('sha1')
      .update(`blob ${Buffer.byteLength(text)}\0${text}`)
      .digest('hex');

  it('lists a tree recursively with git’s own blob shas, folders included', async () => {
    await start();
    const tree = await api('/git/trees/main?recursive=1');
    expect(tree.json['tree']).toEqual([
      expect.objectContaining({ path: 'README.md', type: 'blob', sha: gitBlobSha('# Serverless WG\n') }),
      expect.objectContaining({ path: 'minutes', type: 'tree', mode: '040000' }),
      expect.objectContaining({
        path: 'minutes/2026-11-16.md',
        type: 'blob',
        sha: gitBlobSha('Last week.\n'),
      }),
    ]);
  });

  it('serves a file’s contents in base64 and 404s a missing path or ref', async () => {
    await start();
    const file = await api('/contents/minutes/2026-11-16.md?ref=main');
    expect(file.json).toMatchObject({ type: 'file', encoding: 'base64', sha: gitBlobSha('Last week.\n') });
    expect(Buffer.from(String(file.json['content']), 'base64').toString('utf8')).toBe('Last week.\n');
    expect((await api('/contents/minutes/none.md')).status).toBe(404);
    expect((await api('/contents/README.md?ref=nope')).status).toBe(404);
  });

  it('refuses an existing ref, a move that is not a fast forward and a push to a protected branch', async () => {
    await start();
    const head = ((await api('/git/ref/heads/main')).json['object'] as { sha: string }).sha;
    const created = await api('/git/refs', { method: 'POST', body: { ref: 'refs/heads/draft', sha: head } });
    expect(created.status).toBe(201);
    const again = await api('/git/refs', { method: 'POST', body: { ref: 'refs/heads/draft', sha: head } });
    expect(again).toMatchObject({ status: 422, json: { message: 'Reference already exists' } });
    const tree = await api('/git/trees', {
      method: 'POST',
      body: { tree: [{ path: 'x.md', mode: '100644', type: 'blob', content: 'x' }] },
    });
    const orphan = await api('/git/commits', {
      method: 'POST',
      body: { message: 'Orphan', tree: tree.json['sha'], parents: [] },
    });
    const move = (branch: string) =>
      api(`/git/refs/heads/${branch}`, { method: 'PATCH', body: { sha: orphan.json['sha'], force: false } });
    expect(await move('draft')).toMatchObject({
      status: 422,
      json: { message: 'Update is not a fast forward' },
    });
    expect(await move('main')).toMatchObject({
      status: 422,
      json: { message: 'Protected branch update failed for refs/heads/main.' },
    });
    expect((await api('/git/ref/heads/missing')).status).toBe(404);
  });

  it('numbers pull requests with the issues, refuses a second open one from a branch, lists newest first', async () => {
    await start();
    github.addIssue({ owner: 'cncf', repo: 'wg-serverless', title: 'An issue' });
    const head = ((await api('/git/ref/heads/main')).json['object'] as { sha: string }).sha;
    const baseTree = ((await api(`/git/commits/${head}`)).json['tree'] as { sha: string }).sha;
    const tree = await api('/git/trees', {
      method: 'POST',
      body: { base_tree: baseTree, tree: [{ path: 'a.md', mode: '100644', type: 'blob', content: 'a' }] },
    });
    const commit = await api('/git/commits', {
      method: 'POST',
      body: { message: 'A', tree: tree.json['sha'], parents: [head] },
    });
    await api('/git/refs', { method: 'POST', body: { ref: 'refs/heads/draft', sha: commit.json['sha'] } });
    const open = (title: string) =>
      api('/pulls', { method: 'POST', body: { title, head: 'draft', base: 'main' } });
    const first = await open('First');
    expect(first).toMatchObject({ status: 201, json: { number: 2, state: 'open', head: { ref: 'draft' } } });
    const second = await open('Second');
    expect(second.status).toBe(422);
    expect(second.json['errors']).toEqual([
      expect.objectContaining({ message: 'A pull request already exists for cncf:draft.' }),
    ]);
    github.mergePull('cncf', 'wg-serverless', 2);
    expect(github.fileAt('cncf', 'wg-serverless', 'main', 'a.md')).toBe('a');
    expect(github.fileAt('cncf', 'wg-serverless', 'main', 'README.md')).toBe('# Serverless WG\n');
    const more = await api('/git/commits', {
      method: 'POST',
      body: { message: 'B', tree: tree.json['sha'], parents: [commit.json['sha']] },
    });
    await api('/git/refs/heads/draft', { method: 'PATCH', body: { sha: more.json['sha'] } });
    expect((await open('Third')).status).toBe(201);
    const listed = await fetch(`${github.url}${BASE}/pulls?head=cncf:draft&state=all`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    const newestFirst = (await listed.json()) as {
      number: number;
      state: string;
      merged_at: string | null;
    }[];
    expect(newestFirst.map((p) => [p.number, p.state, p.merged_at !== null])).toEqual([
      [3, 'open', false],
      [2, 'closed', true],
    ]);
    expect(github.pulls('cncf', 'wg-serverless')).toEqual([
      { number: 2, title: 'First', body: '', head: 'draft', base: 'main', state: 'closed', merged: true },
      { number: 3, title: 'Third', body: '', head: 'draft', base: 'main', state: 'open', merged: false },
    ]);
  });
});
