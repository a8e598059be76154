import { createHash } from 'node:crypto';

/**
 * The in-memory git model behind the GitHub stand-in: content-addressed blobs, trees and
 * commits with the shas real git gives them (so a client can compare a file it means to write
 * with a tree entry without fetching it), and branches pointing at commits.
 */

/** Path from the root → blob sha: a tree, flattened to its files. */
export type FileShas = ReadonlyMap<string, string>;

export interface GitCommit {
  readonly sha: string;
  readonly tree: string;
  readonly parents: readonly string[];
  readonly message: string;
  /** Seconds since the epoch: every commit gets a later one, so equal commits still differ. */
  readonly time: number;
}

export interface GitRepository {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  readonly protectedBranches: Set<string>;
  readonly blobs: Map<string, string>;
  /** Every tree, subtrees too (their paths relative to themselves). */
  readonly trees: Map<string, FileShas>;
  readonly commits: Map<string, GitCommit>;
  /** Branch name → commit sha. */
  readonly branches: Map<string, string>;
}

/** A refusal in GitHub's words: the server answers it with this status and message. */
export class GitFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: readonly Record<string, string>[],
  ) {
    super(message);
  }
}

const COMMIT_EPOCH = Date.parse('2026-11-23T12:00:00Z') / 1000;
let clock = 0;

const hashObject = (type: string, body: Buffer): string =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');

/** git hash-object: sha1 of `blob <byte length>\0<content>`. */
export const blobSha = (content: string): string => hashObject('blob', Buffer.from(content, 'utf8'));

export function putBlob(r: GitRepository, content: string): string {
  const sha = blobSha(content);
  r.blobs.set(sha, content);
  return sha;
}

/** Stores the tree (and its subtrees) as git would and answers its sha. */
export function putTree(r: GitRepository, files: FileShas): string {
  const direct = new Map<string, string>();
  const dirs = new Map<string, Map<string, string>>();
  for (const [path, sha] of files) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      direct.set(path, sha);
      continue;
    }
    const dir = path.slice(0, slash);
    if (!dirs.has(dir)) dirs.set(dir, new Map());
    dirs.get(dir)!.set(path.slice(slash + 1), sha);
  }
  // git orders entries by name, a directory as if its name ended in a slash.
  const entries = [
    ...[...direct].map(([name, sha]) => ({ name, mode: '100644', sha, key: name })),
    ...[...dirs].map(([name, sub]) => ({ name, mode: '40000', sha: putTree(r, sub), key: `${name}/` })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const body = Buffer.concat(
    entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
  );
  const sha = hashObject('tree', body);
  r.trees.set(sha, new Map(files));
  return sha;
}

export function putCommit(
  r: GitRepository,
  commit: { readonly tree: string; readonly parents: readonly string[]; readonly message: string },
): GitCommit {
  const time = COMMIT_EPOCH + ++clock;
  const text = [
    `tree ${commit.tree}`,
    ...commit.parents.map((p) => `parent ${p}`),
    `author gavel-bot <gavel-bot@users.noreply.github.com> ${time} +0000`,
    `committer GitHub <noreply@github.com> ${time} +0000`,
    '',
    commit.message,
  ].join('\n');
  const stored: GitCommit = { ...commit, sha: hashObject('commit', Buffer.from(text, 'utf8')), time };
  r.commits.set(stored.sha, stored);
  return stored;
}

export function newRepository(seed: {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch?: string;
  readonly files?: Readonly<Record<string, string>>;
  readonly protectedBranches?: readonly string[];
}): GitRepository {
  const r: GitRepository = {
    owner: seed.owner,
    repo: seed.repo,
    defaultBranch: seed.defaultBranch ?? 'main',
    protectedBranches: new Set(seed.protectedBranches ?? []),
    blobs: new Map(),
    trees: new Map(),
    commits: new Map(),
    branches: new Map(),
  };
  const files = new Map(Object.entries(seed.files ?? {}).map(([path, text]) => [path, putBlob(r, text)]));
  const first = putCommit(r, { tree: putTree(r, files), parents: [], message: 'Initial commit' });
  r.branches.set(r.defaultBranch, first.sha);
  return r;
}

/** A commit by its sha or a branch's name (GitHub takes either where a ref is asked). */
export const commitOf = (r: GitRepository, ref: string): GitCommit | undefined =>
  r.commits.get(r.branches.get(ref) ?? ref);

export const filesOf = (r: GitRepository, commit: GitCommit): FileShas => r.trees.get(commit.tree)!;

export function isAncestor(r: GitRepository, ancestor: string, of: string): boolean {
  const seen = new Set<string>();
  const queue = [of];
  while (queue.length > 0) {
    const sha = queue.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(r.commits.get(sha)?.parents ?? []));
  }
  return false;
}

/** The commit messages from a branch's head down its first parents, newest first. */
export function history(r: GitRepository, branch: string): string[] {
  const messages: string[] = [];
  for (let c = commitOf(r, branch); c; c = c.parents[0] ? r.commits.get(c.parents[0]) : undefined) {
    messages.push(c.message);
  }
  return messages;
}

/**
 * Merges `head` into `base` as the merge button does: the base keeps its own changes and takes
 * every change the head made since they parted (the head wins where both touched a file).
 */
export function merge(r: GitRepository, base: string, head: string, message: string): GitCommit {
  const baseCommit = commitOf(r, base)!;
  const headCommit = commitOf(r, head)!;
  const forkPoint = [...r.commits.values()]
    .filter((c) => isAncestor(r, c.sha, baseCommit.sha) && isAncestor(r, c.sha, headCommit.sha))
    .sort((a, b) => b.time - a.time)[0];
  const before = forkPoint ? filesOf(r, forkPoint) : new Map<string, string>();
  const theirs = filesOf(r, headCommit);
  const files = new Map(filesOf(r, baseCommit));
  for (const [path, sha] of theirs) if (before.get(path) !== sha) files.set(path, sha);
  for (const path of before.keys()) if (!theirs.has(path)) files.delete(path);
  const commit = putCommit(r, {
    tree: putTree(r, files),
    parents: [baseCommit.sha, headCommit.sha],
    message,
  });
  r.branches.set(base, commit.sha);
  return commit;
}
