import { afterEach, describe, expect, it } from 'vitest';
import type { RepositoryArchive } from '../../src/core/ports/repositoryArchive.js';
import { createGithubClient } from '../../src/github/githubClient.js';
import { githubRepositoryArchive } from '../../src/github/githubRepositoryArchive.js';
import {
  type GithubApiServer,
  type RepoSeed,
  startGithubApiServer,
} from '../../src/standins/githubApiServer.js';
import { silentLogger } from '../support/databases.js';

const TOKEN = 'ghp_archivetest000000000000000000000000';
const READ_ONLY = 'ghp_readonly0000000000000000000000000000';
const REPO = { owner: 'cncf', repo: 'wg-serverless' };
const BRANCH = 'gavel/minutes-2026-11-23';
const MINUTES = [
  {
    path: 'minutes/2026-11-23.md',
    content: '# Serverless WG, 23 November 2026\n\n## Decisions\n\nShip 2.0.\n',
  },
  { path: 'decisions/2026-11-23.md', content: '- Ship CloudEvents 2.0\n' },
];

/**
 * Over the production client: its throttling plugin spaces writes a real second apart (pull
 * requests three), so the tests that write several times take seconds.
 */
describe('RepositoryArchive over Octokit (the GitHub stand-in)', () => {
  let github: GithubApiServer;
  afterEach(async () => {
    await github.close();
  });

  const start = async (seed: Partial<RepoSeed> = {}, token = TOKEN): Promise<RepositoryArchive> => {
    github = await startGithubApiServer({ tokens: [TOKEN], readOnlyTokens: [READ_ONLY] });
    github.addRepo({ ...REPO, files: { 'README.md': '# Serverless WG\n' }, ...seed });
    const octokit = createGithubClient({
      auth: { kind: 'token', token },
      apiUrl: github.url,
      log: silentLogger,
      retryAfterBaseValue: 1,
    });
    return githubRepositoryArchive(octokit);
  };
  const publish = (archive: RepositoryArchive, files = MINUTES) =>
    archive.commitFiles(REPO, { branch: BRANCH, base: 'main', files, message: 'Minutes of 23 November' });
  const opening = {
    branch: BRANCH,
    base: 'main',
    title: 'Minutes of 23 November',
    body: 'Drafted by gavel.',
  };

  it('answers the default branch', async () => {
    const archive = await start({ defaultBranch: 'trunk' });
    expect(await archive.defaultBranch(REPO)).toBe('trunk');
  });

  it('creates a missing branch from the base with every file in one commit', async () => {
    const archive = await start();
    expect(await publish(archive)).toEqual({ changed: true });
    expect(github.branches(REPO.owner, REPO.repo)).toEqual([BRANCH, 'main']);
    expect(github.commits(REPO.owner, REPO.repo, BRANCH)).toEqual([
      'Minutes of 23 November',
      'Initial commit',
    ]);
    for (const f of MINUTES) expect(github.fileAt(REPO.owner, REPO.repo, BRANCH, f.path)).toBe(f.content);
    expect(github.fileAt(REPO.owner, REPO.repo, BRANCH, 'README.md')).toBe('# Serverless WG\n');
    expect(github.commits(REPO.owner, REPO.repo, 'main')).toEqual(['Initial commit']);
  });

  it('commits nothing when the branch already holds the files, telling them apart by blob sha', async () => {
    const archive = await start();
    await publish(archive);
    const writes = () => github.callsTo('git.createTree').length + github.callsTo('git.createCommit').length;
    const before = writes();
    expect(await publish(archive)).toEqual({ changed: false });
    expect(writes()).toBe(before);
    expect(github.callsTo('git.updateRef')).toHaveLength(0);
    expect(github.callsTo('repos.getContent')).toHaveLength(0);
    expect(github.commits(REPO.owner, REPO.repo, BRANCH)).toHaveLength(2);
  });

  it('adds one commit on top of an existing branch, carrying only the files that changed', async () => {
    const archive = await start();
    await publish(archive);
    const [minutes, decisions] = MINUTES;
    const edited = [{ ...minutes!, content: `${minutes!.content}\n## Action items\n\nNone.\n` }, decisions!];
    expect(await publish(archive, edited)).toEqual({ changed: true });
    expect(github.commits(REPO.owner, REPO.repo, BRANCH)).toHaveLength(3);
    expect(github.fileAt(REPO.owner, REPO.repo, BRANCH, minutes!.path)).toBe(edited[0]!.content);
    const tree = github.callsTo('git.createTree').at(-1)?.body as { tree: { path: string }[] };
    expect(tree.tree.map((e) => e.path)).toEqual([minutes!.path]);
    expect(github.callsTo('git.updateRef').at(-1)?.body).toMatchObject({ force: false });
  });

  it('finishes the job of an attempt whose branch was created but whose answer was lost', async () => {
    const archive = await start();
    github.fail({ op: 'git.createRef', kind: 'after-applying', then: '502' });
    expect(await publish(archive)).toEqual({ changed: true });
    expect(github.commits(REPO.owner, REPO.repo, BRANCH)).toEqual([
      'Minutes of 23 November',
      'Initial commit',
    ]);
  });

  it('builds on a commit another replica pushed meanwhile instead of overwriting it', async () => {
    const archive = await start();
    await publish(archive);
    const replica = githubRepositoryArchive(
      createGithubClient({ auth: { kind: 'token', token: TOKEN }, apiUrl: github.url, log: silentLogger }),
    );
    const theirs = { path: 'minutes/notes.md', content: 'Added by the other replica.\n' };
    github.beforeAnswer('git.createCommit', async () => {
      await replica.commitFiles(REPO, { branch: BRANCH, base: 'main', files: [theirs], message: 'Theirs' });
    });
    const ours = [{ ...MINUTES[0]!, content: 'Amended.\n' }];
    expect(await publish(archive, ours)).toEqual({ changed: true });
    expect(github.commits(REPO.owner, REPO.repo, BRANCH).slice(0, 2)).toEqual([
      'Minutes of 23 November',
      'Theirs',
    ]);
    expect(github.fileAt(REPO.owner, REPO.repo, BRANCH, theirs.path)).toBe(theirs.content);
    expect(github.fileAt(REPO.owner, REPO.repo, BRANCH, MINUTES[0]!.path)).toBe('Amended.\n');
    expect(github.callsTo('git.updateRef').map((c) => c.status)).toEqual([200, 422, 200]);
  });

  it('creates the branch without a commit when the base already holds the files', async () => {
    const archive = await start({ files: Object.fromEntries(MINUTES.map((f) => [f.path, f.content])) });
    expect(await publish(archive)).toEqual({ changed: false });
    expect(github.branches(REPO.owner, REPO.repo)).toContain(BRANCH);
    expect(github.commits(REPO.owner, REPO.repo, BRANCH)).toEqual(['Initial commit']);
  });

  it('reads a file on a branch, and answers undefined for a missing path or branch', async () => {
    const archive = await start();
    await publish(archive);
    expect(await archive.readFile(REPO, BRANCH, MINUTES[0]!.path)).toBe(MINUTES[0]!.content);
    expect(await archive.readFile(REPO, 'main', MINUTES[0]!.path)).toBeUndefined();
    expect(await archive.readFile(REPO, 'no-such-branch', 'README.md')).toBeUndefined();
    expect(await archive.readFile(REPO, BRANCH, 'minutes')).toBeUndefined();
  });

  it('refuses permanently, saying why, to push to a protected branch', async () => {
    const archive = await start({ protectedBranches: ['main'] });
    const failure = await archive
      .commitFiles(REPO, { branch: 'main', base: 'main', files: MINUTES, message: 'Minutes' })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'IssueTrackerError', failure: { kind: 'permanent', status: 422 } });
    expect((failure as Error).message).toMatch(/protected/);
    expect(github.commits(REPO.owner, REPO.repo, 'main')).toEqual(['Initial commit']);
  });

  it('fails permanently for a repository that is not there, naming it', async () => {
    const archive = await start();
    const elsewhere = { owner: 'cncf', repo: 'no-such-repo' };
    const commit = await archive
      .commitFiles(elsewhere, { branch: BRANCH, base: 'main', files: MINUTES, message: 'Minutes' })
      .catch((e: unknown) => e);
    expect(commit).toMatchObject({ name: 'IssueTrackerError', failure: { kind: 'permanent', status: 404 } });
    expect((commit as Error).message).toContain('cncf/no-such-repo');
    await expect(archive.defaultBranch(elsewhere)).rejects.toMatchObject({
      failure: { kind: 'permanent', status: 404 },
    });
  });

  it('fails permanently when the token may not write, saying what access to give', async () => {
    const archive = await start({}, READ_ONLY);
    const failure = await publish(archive).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'IssueTrackerError', failure: { kind: 'permanent', status: 403 } });
    expect((failure as Error).message).toMatch(/write access/);
  });

  it('reports a GitHub that keeps answering 502 as transient', async () => {
    const archive = await start();
    github.fail({ op: 'git.getRef', kind: 'status', status: 502, times: Infinity });
    await expect(publish(archive)).rejects.toMatchObject({
      name: 'IssueTrackerError',
      failure: { kind: 'transient', status: 502 },
    });
  });

  it('opens one pull request when asked twice, each create sent once', async () => {
    const archive = await start();
    await publish(archive);
    const first = await archive.openPullRequest(REPO, opening);
    const again = await archive.openPullRequest(REPO, opening);
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      state: 'open',
      branch: BRANCH,
      url: `https://github.com/cncf/wg-serverless/pull/${first.number}`,
    });
    expect(github.pulls(REPO.owner, REPO.repo)).toHaveLength(1);
    expect(github.callsTo('pulls.create').map((c) => c.status)).toEqual([201, 422]);
  });

  it('does not repeat a create whose answer was lost, and the next attempt answers the one made', async () => {
    const archive = await start();
    await publish(archive);
    github.fail({ op: 'pulls.create', kind: 'after-applying', then: '502' });
    await expect(archive.openPullRequest(REPO, opening)).rejects.toMatchObject({
      failure: { kind: 'transient' },
    });
    expect(github.callsTo('pulls.create')).toHaveLength(1);
    const [made] = github.pulls(REPO.owner, REPO.repo);
    expect((await archive.openPullRequest(REPO, opening)).number).toBe(made?.number);
  });

  it('finds the newest pull request from a branch, merged ones too', async () => {
    const archive = await start();
    expect(await archive.findPullRequest(REPO, BRANCH)).toBeUndefined();
    await publish(archive);
    const opened = await archive.openPullRequest(REPO, opening);
    github.mergePull(REPO.owner, REPO.repo, opened.number);
    expect(await archive.findPullRequest(REPO, BRANCH)).toEqual({ ...opened, state: 'merged' });
    expect(github.fileAt(REPO.owner, REPO.repo, 'main', MINUTES[0]!.path)).toBe(MINUTES[0]!.content);
    expect(await archive.findPullRequest(REPO, 'gavel/other')).toBeUndefined();
  });

  it('rewrites an open pull request’s title and body', async () => {
    const archive = await start();
    await publish(archive);
    const { number } = await archive.openPullRequest(REPO, opening);
    await archive.updatePullRequest(REPO, number, {
      title: 'Minutes of 23 November (amended)',
      body: 'Now with decisions.',
    });
    expect(github.pulls(REPO.owner, REPO.repo)[0]).toMatchObject({
      title: 'Minutes of 23 November (amended)',
      body: 'Now with decisions.',
      state: 'open',
    });
  });
});
