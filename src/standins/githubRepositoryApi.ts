import {
  commitOf,
  filesOf,
  type FileShas,
  GitFailure,
  type GitCommit,
  type GitRepository,
  isAncestor,
  merge,
  putBlob,
  putCommit,
  putTree,
} from './gitRepository.js';

/**
 * The repository half of the GitHub stand-in: repositories, the git data API (refs, commits,
 * trees, blobs), file contents and pull requests, answered in GitHub's wire format over the
 * in-memory git model (gitRepository.ts). The server (githubApiServer.ts) routes, checks
 * tokens and injects faults; this answers.
 */

export type RepositoryOp =
  | 'repos.get'
  | 'repos.getContent'
  | 'git.getRef'
  | 'git.createRef'
  | 'git.updateRef'
  | 'git.getCommit'
  | 'git.createCommit'
  | 'git.getTree'
  | 'git.createTree'
  | 'git.createBlob'
  | 'git.getBlob'
  | 'pulls.create'
  | 'pulls.list'
  | 'pulls.get'
  | 'pulls.update';

const REPO = String.raw`^/repos/([^/]+)/([^/]+)`;
const ROUTES: readonly (readonly [string, RegExp, RepositoryOp])[] = [
  ['GET', new RegExp(`${REPO}$`), 'repos.get'],
  ['GET', new RegExp(`${REPO}/contents/?(.*)$`), 'repos.getContent'],
  ['GET', new RegExp(`${REPO}/git/ref/(.+)$`), 'git.getRef'],
  ['POST', new RegExp(`${REPO}/git/refs$`), 'git.createRef'],
  ['PATCH', new RegExp(`${REPO}/git/refs/(.+)$`), 'git.updateRef'],
  ['GET', new RegExp(`${REPO}/git/commits/([^/]+)$`), 'git.getCommit'],
  ['POST', new RegExp(`${REPO}/git/commits$`), 'git.createCommit'],
  ['GET', new RegExp(`${REPO}/git/trees/(.+)$`), 'git.getTree'],
  ['POST', new RegExp(`${REPO}/git/trees$`), 'git.createTree'],
  ['POST', new RegExp(`${REPO}/git/blobs$`), 'git.createBlob'],
  ['GET', new RegExp(`${REPO}/git/blobs/([^/]+)$`), 'git.getBlob'],
  ['POST', new RegExp(`${REPO}/pulls$`), 'pulls.create'],
  ['GET', new RegExp(`${REPO}/pulls$`), 'pulls.list'],
  ['GET', new RegExp(`${REPO}/pulls/(\\d+)$`), 'pulls.get'],
  ['PATCH', new RegExp(`${REPO}/pulls/(\\d+)$`), 'pulls.update'],
];

const OPS = new Set<string>(ROUTES.map(([, , op]) => op));
export const isRepositoryOp = (op: string): op is RepositoryOp => OPS.has(op);

/** The op and path parameters of a repository request (path already decoded), if it is one. */
export function repositoryRoute(
  method: string,
  path: string,
): { op: RepositoryOp; params: string[] } | undefined {
  for (const [m, pattern, op] of ROUTES) {
    const hit = method === m ? pattern.exec(path) : null;
    if (hit) return { op, params: hit.slice(1) };
  }
  return undefined;
}

/** The issue a pull request is on GitHub: they share numbers, titles, bodies and comments. */
export interface PullIssue {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

export interface StoredPull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly head: string;
  base: string;
  /** The head branch's commit, followed while the pull is open and the branch is there. */
  headSha: string;
  mergedAt?: string;
  mergeCommitSha?: string;
}

/** A pull request as a test reads it. */
export interface PullSummary {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly head: string;
  readonly base: string;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
}

export interface Answer {
  readonly status: number;
  readonly json: unknown;
  readonly headers?: Record<string, string>;
}

export interface RepositoryApi {
  answer(op: RepositoryOp, params: readonly string[], query: Record<string, string>, body: unknown): Answer;
  add(r: GitRepository): void;
  repository(owner: string, repo: string): GitRepository | undefined;
  pull(owner: string, repo: string, number: number): StoredPull | undefined;
  pulls(owner: string, repo: string): PullSummary[];
  mergePull(owner: string, repo: string, number: number, opts?: { readonly deleteBranch?: boolean }): void;
}

const DOCS = 'https://docs.github.com/rest';
const STAMP = '2026-11-23T12:00:00Z';

export function githubRepositoryApi(deps: {
  readonly url: () => string;
  openIssue(owner: string, repo: string, title: string, body: string): PullIssue;
  issue(owner: string, repo: string, number: number): PullIssue | undefined;
}): RepositoryApi {
  const repositories = new Map<string, GitRepository>();
  const pulls: StoredPull[] = [];
  const api = (r: GitRepository, rest: string) => `${deps.url()}/repos/${r.owner}/${r.repo}${rest}`;
  const html = (r: GitRepository, rest = '') => `https://github.com/${r.owner}/${r.repo}${rest}`;

  const repoJson = (r: GitRepository) => ({
    id: 3_000_000 + [...repositories.keys()].indexOf(`${r.owner}/${r.repo}`),
    node_id: `R_kgDO${r.repo}`,
    name: r.repo,
    full_name: `${r.owner}/${r.repo}`,
    owner: { login: r.owner, id: 4_000_000, type: 'Organization' },
    private: false,
    html_url: html(r),
    url: api(r, ''),
    default_branch: r.defaultBranch,
    created_at: STAMP,
    updated_at: STAMP,
  });
  const refJson = (r: GitRepository, branch: string) => ({
    ref: `refs/heads/${branch}`,
    node_id: `REF_${branch}`,
    url: api(r, `/git/refs/heads/${branch}`),
    object: {
      sha: r.branches.get(branch),
      type: 'commit',
      url: api(r, `/git/commits/${r.branches.get(branch)}`),
    },
  });
  const commitJson = (r: GitRepository, c: GitCommit) => {
    const who = { name: 'gavel-bot', email: 'gavel-bot@users.noreply.github.com', date: iso(c.time) };
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 12)}`,
      url: api(r, `/git/commits/${c.sha}`),
      html_url: html(r, `/commit/${c.sha}`),
      author: who,
      committer: { ...who, name: 'GitHub', email: 'noreply@github.com' },
      tree: { sha: c.tree, url: api(r, `/git/trees/${c.tree}`) },
      message: c.message,
      parents: c.parents.map((p) => ({
        sha: p,
        url: api(r, `/git/commits/${p}`),
        html_url: html(r, `/commit/${p}`),
      })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    };
  };
  const entryJson = (r: GitRepository, path: string, sha: string, type: 'blob' | 'tree') =>
    type === 'blob'
      ? {
          path,
          mode: '100644',
          type,
          sha,
          size: Buffer.byteLength(r.blobs.get(sha) ?? ''),
          url: api(r, `/git/blobs/${sha}`),
        }
      : { path, mode: '040000', type, sha, url: api(r, `/git/trees/${sha}`) };
  const treeJson = (r: GitRepository, sha: string, recursive: boolean) => ({
    sha,
    url: api(r, `/git/trees/${sha}`),
    tree: listing(r, r.trees.get(sha)!, '', recursive).map((e) => entryJson(r, e.path, e.sha, e.type)),
    truncated: false,
  });
  const pullJson = (r: GitRepository, p: StoredPull) => {
    const issue = deps.issue(p.owner, p.repo, p.number)!;
    if (issue.state === 'open' && r.branches.has(p.head)) p.headSha = r.branches.get(p.head)!;
    const side = (ref: string, sha: string | undefined) => ({
      label: `${r.owner}:${ref}`,
      ref,
      sha,
      user: { login: r.owner, id: 4_000_000, type: 'Organization' },
      repo: repoJson(r),
    });
    return {
      url: api(r, `/pulls/${p.number}`),
      id: 5_000_000 + p.number,
      node_id: `PR_kwDO${p.number}`,
      html_url: html(r, `/pull/${p.number}`),
      diff_url: html(r, `/pull/${p.number}.diff`),
      patch_url: html(r, `/pull/${p.number}.patch`),
      issue_url: api(r, `/issues/${p.number}`),
      number: p.number,
      state: issue.state,
      locked: false,
      title: issue.title,
      user: { login: 'gavel-bot', id: 1, type: 'Bot' },
      body: issue.body,
      created_at: STAMP,
      updated_at: STAMP,
      closed_at: issue.state === 'closed' ? STAMP : null,
      merged_at: p.mergedAt ?? null,
      merge_commit_sha: p.mergeCommitSha ?? null,
      draft: false,
      head: side(p.head, p.headSha),
      base: side(p.base, r.branches.get(p.base)),
      author_association: 'NONE',
      merged: p.mergedAt !== undefined,
    };
  };
  const summary = (p: StoredPull): PullSummary => {
    const issue = deps.issue(p.owner, p.repo, p.number)!;
    return {
      number: p.number,
      title: issue.title,
      body: issue.body,
      head: p.head,
      base: p.base,
      state: issue.state,
      merged: p.mergedAt !== undefined,
    };
  };

  function answer(
    op: RepositoryOp,
    params: readonly string[],
    query: Record<string, string>,
    body: unknown,
  ): Answer {
    const [owner = '', repo = '', rest = ''] = params;
    const r = repositories.get(`${owner}/${repo}`);
    if (!r) return { status: 404, json: notFound() };
    const input = (body ?? {}) as Record<string, unknown>;
    try {
      switch (op) {
        case 'repos.get':
          return { status: 200, json: repoJson(r) };
        case 'repos.getContent':
          return contents(r, rest.replace(/\/+$/, ''), query['ref'] ?? r.defaultBranch);
        case 'git.getRef': {
          const branch = headsBranch(rest);
          if (branch === undefined || !r.branches.has(branch)) return { status: 404, json: notFound() };
          return { status: 200, json: refJson(r, branch) };
        }
        case 'git.createRef':
          return createRef(r, input);
        case 'git.updateRef':
          return updateRef(r, rest, input);
        case 'git.getCommit': {
          const c = r.commits.get(rest);
          return c ? { status: 200, json: commitJson(r, c) } : { status: 404, json: notFound() };
        }
        case 'git.createCommit':
          return createCommit(r, input);
        case 'git.getTree': {
          // GitHub takes a tree's sha, a commit's, or a branch name.
          const sha = r.trees.has(rest) ? rest : commitOf(r, rest)?.tree;
          if (!sha) return { status: 404, json: notFound() };
          return { status: 200, json: treeJson(r, sha, query['recursive'] !== undefined) };
        }
        case 'git.createTree':
          return createTree(r, input);
        case 'git.createBlob': {
          const text = typeof input['content'] === 'string' ? input['content'] : undefined;
          if (text === undefined)
            throw new GitFailure(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
          const content =
            input['encoding'] === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
          const sha = putBlob(r, content);
          return { status: 201, json: { sha, url: api(r, `/git/blobs/${sha}`) } };
        }
        case 'git.getBlob': {
          const content = r.blobs.get(rest);
          if (content === undefined) return { status: 404, json: notFound() };
          return {
            status: 200,
            json: {
              sha: rest,
              node_id: `B_${rest.slice(0, 12)}`,
              size: Buffer.byteLength(content),
              url: api(r, `/git/blobs/${rest}`),
              content: base64Lines(content),
              encoding: 'base64',
            },
          };
        }
        case 'pulls.create':
          return createPull(r, input);
        case 'pulls.list':
          return listPulls(r, query);
        case 'pulls.get': {
          const p = findPull(r, Number(rest));
          return p ? { status: 200, json: pullJson(r, p) } : { status: 404, json: notFound() };
        }
        case 'pulls.update':
          return updatePull(r, Number(rest), input);
      }
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      return {
        status: error.status,
        json: {
          message: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
          documentation_url: DOCS,
          status: String(error.status),
        },
      };
    }
  }

  function contents(r: GitRepository, path: string, ref: string): Answer {
    const commit = commitOf(r, ref);
    if (!commit) throw new GitFailure(404, `No commit found for the ref ${ref}`);
    const files = filesOf(r, commit);
    const item = (p: string, sha: string, type: 'file' | 'dir') => {
      const size = type === 'file' ? Buffer.byteLength(r.blobs.get(sha)!) : 0;
      const self = `${api(r, `/contents/${p}`)}?ref=${encodeURIComponent(ref)}`;
      const git = api(r, `/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`);
      const page = html(r, `/${type === 'file' ? 'blob' : 'tree'}/${ref}/${p}`);
      return {
        type,
        name: p.slice(p.lastIndexOf('/') + 1),
        path: p,
        sha,
        size,
        url: self,
        html_url: page,
        git_url: git,
        download_url:
          type === 'file' ? `https://raw.githubusercontent.com/${r.owner}/${r.repo}/${ref}/${p}` : null,
        _links: { self, git, html: page },
      };
    };
    const sha = files.get(path);
    if (sha !== undefined) {
      return {
        status: 200,
        json: { ...item(path, sha, 'file'), content: base64Lines(r.blobs.get(sha)!), encoding: 'base64' },
      };
    }
    const prefix = path === '' ? '' : `${path}/`;
    const inside = new Map(
      [...files].filter(([p]) => p.startsWith(prefix)).map(([p, s]) => [p.slice(prefix.length), s]),
    );
    if (inside.size === 0) return { status: 404, json: notFound() };
    const entries = listing(r, inside, prefix, false).map((e) =>
      item(e.path, e.sha, e.type === 'blob' ? 'file' : 'dir'),
    );
    return { status: 200, json: entries };
  }

  function createRef(r: GitRepository, input: Record<string, unknown>): Answer {
    const ref = typeof input['ref'] === 'string' ? input['ref'] : '';
    const sha = typeof input['sha'] === 'string' ? input['sha'] : '';
    if (!/^refs\/[^/]+\/.+/.test(ref)) {
      throw new GitFailure(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    const branch = headsBranch(ref.slice('refs/'.length));
    if (branch === undefined) throw new GitFailure(422, 'Only branches are kept by this stand-in.');
    if (r.branches.has(branch)) throw new GitFailure(422, 'Reference already exists');
    if (!r.commits.has(sha)) throw new GitFailure(422, 'Object does not exist');
    r.branches.set(branch, sha);
    return { status: 201, json: refJson(r, branch) };
  }

  function updateRef(r: GitRepository, ref: string, input: Record<string, unknown>): Answer {
    const branch = headsBranch(ref);
    const sha = typeof input['sha'] === 'string' ? input['sha'] : '';
    if (branch === undefined || !r.branches.has(branch))
      throw new GitFailure(422, 'Reference does not exist');
    if (!r.commits.has(sha)) throw new GitFailure(422, 'Object does not exist');
    if (r.protectedBranches.has(branch)) {
      throw new GitFailure(422, `Protected branch update failed for refs/heads/${branch}.`);
    }
    if (input['force'] !== true && !isAncestor(r, r.branches.get(branch)!, sha)) {
      throw new GitFailure(422, 'Update is not a fast forward');
    }
    r.branches.set(branch, sha);
    return { status: 200, json: refJson(r, branch) };
  }

  function createCommit(r: GitRepository, input: Record<string, unknown>): Answer {
    const tree = typeof input['tree'] === 'string' ? input['tree'] : '';
    const parents = strings(input['parents']);
    if (typeof input['message'] !== 'string')
      throw new GitFailure(422, 'Invalid request.\n\n"message" wasn\'t supplied.');
    if (!r.trees.has(tree)) throw new GitFailure(422, 'Tree SHA does not exist');
    if (parents.some((p) => !r.commits.has(p))) {
      throw new GitFailure(422, 'Parent SHA does not exist or is not a commit object');
    }
    const commit = putCommit(r, { tree, parents, message: input['message'] });
    return { status: 201, json: commitJson(r, commit) };
  }

  function createTree(r: GitRepository, input: Record<string, unknown>): Answer {
    const baseSha = input['base_tree'];
    const base = typeof baseSha === 'string' ? r.trees.get(baseSha) : new Map<string, string>();
    if (!base) throw new GitFailure(422, 'base_tree is not a valid tree oid');
    const files = new Map(base);
    const entries = Array.isArray(input['tree']) ? (input['tree'] as Record<string, unknown>[]) : [];
    for (const e of entries) {
      const path = typeof e['path'] === 'string' ? e['path'].replace(/^\/+|\/+$/g, '') : '';
      if (path === '') throw new GitFailure(422, 'tree.path is not a valid path');
      if (e['sha'] === null) {
        for (const p of [...files.keys()]) if (p === path || p.startsWith(`${path}/`)) files.delete(p);
      } else if (typeof e['content'] === 'string') {
        files.set(path, putBlob(r, e['content']));
      } else if (e['type'] === 'tree' && typeof e['sha'] === 'string' && r.trees.has(e['sha'])) {
        for (const [p, s] of r.trees.get(e['sha'])!) files.set(`${path}/${p}`, s);
      } else if (typeof e['sha'] === 'string' && r.blobs.has(e['sha'])) {
        files.set(path, e['sha']);
      } else {
        throw new GitFailure(422, `tree.sha ${JSON.stringify(e['sha'])} is not a valid blob`);
      }
    }
    const sha = putTree(r, files);
    return { status: 201, json: treeJson(r, sha, false) };
  }

  const findPull = (r: GitRepository, number: number) =>
    pulls.find((p) => p.owner === r.owner && p.repo === r.repo && p.number === number);

  function createPull(r: GitRepository, input: Record<string, unknown>): Answer {
    const invalid = (field: string) =>
      new GitFailure(422, 'Validation Failed', [{ resource: 'PullRequest', field, code: 'invalid' }]);
    const custom = (message: string) =>
      new GitFailure(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message }]);
    const title = typeof input['title'] === 'string' ? input['title'] : '';
    const headInput = typeof input['head'] === 'string' ? input['head'] : '';
    const base = typeof input['base'] === 'string' ? input['base'] : '';
    if (title === '')
      throw new GitFailure(422, 'Validation Failed', [
        { resource: 'PullRequest', field: 'title', code: 'missing_field' },
      ]);
    const [headOwner, head] = headInput.includes(':') ? headInput.split(/:(.*)/s) : [r.owner, headInput];
    if (headOwner !== r.owner || !head || !r.branches.has(head)) throw invalid('head');
    if (!r.branches.has(base)) throw invalid('base');
    const open = pulls.find(
      (p) =>
        p.owner === r.owner &&
        p.repo === r.repo &&
        p.head === head &&
        deps.issue(p.owner, p.repo, p.number)?.state === 'open',
    );
    if (open) throw custom(`A pull request already exists for ${r.owner}:${head}.`);
    if (isAncestor(r, r.branches.get(head)!, r.branches.get(base)!))
      throw custom(`No commits between ${base} and ${head}`);
    const issue = deps.openIssue(
      r.owner,
      r.repo,
      title,
      typeof input['body'] === 'string' ? input['body'] : '',
    );
    const pull: StoredPull = {
      owner: r.owner,
      repo: r.repo,
      number: issue.number,
      head,
      base,
      headSha: r.branches.get(head)!,
    };
    pulls.push(pull);
    return { status: 201, json: pullJson(r, pull) };
  }

  function listPulls(r: GitRepository, query: Record<string, string>): Answer {
    const state = query['state'] ?? 'open';
    const head = query['head'];
    const headRef = head?.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
    const headOwner = head?.includes(':') ? head.slice(0, head.indexOf(':')) : r.owner;
    const perPage = Math.min(Math.max(Number(query['per_page'] ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query['page'] ?? 1) || 1, 1);
    const hits = pulls
      .filter((p) => p.owner === r.owner && p.repo === r.repo)
      .filter((p) => state === 'all' || deps.issue(p.owner, p.repo, p.number)?.state === state)
      .filter((p) => headRef === undefined || (headOwner === r.owner && p.head === headRef))
      .filter((p) => query['base'] === undefined || p.base === query['base'])
      .sort((a, b) => (query['direction'] === 'asc' ? a.number - b.number : b.number - a.number));
    return { status: 200, json: hits.slice((page - 1) * perPage, page * perPage).map((p) => pullJson(r, p)) };
  }

  function updatePull(r: GitRepository, number: number, input: Record<string, unknown>): Answer {
    const pull = findPull(r, number);
    const issue = pull ? deps.issue(r.owner, r.repo, number) : undefined;
    if (!pull || !issue) return { status: 404, json: notFound() };
    if (typeof input['title'] === 'string') issue.title = input['title'];
    if (typeof input['body'] === 'string') issue.body = input['body'];
    if (typeof input['base'] === 'string') {
      if (!r.branches.has(input['base']))
        throw new GitFailure(422, 'Validation Failed', [
          { resource: 'PullRequest', field: 'base', code: 'invalid' },
        ]);
      pull.base = input['base'];
    }
    if (input['state'] === 'open' || input['state'] === 'closed') {
      if (input['state'] === 'open' && pull.mergedAt !== undefined) {
        throw new GitFailure(422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            field: 'state',
            message: 'state cannot be changed. The pull request is merged.',
          },
        ]);
      }
      issue.state = input['state'];
    }
    return { status: 200, json: pullJson(r, pull) };
  }

  return {
    answer,
    add: (r) => void repositories.set(`${r.owner}/${r.repo}`, r),
    repository: (owner, repo) => repositories.get(`${owner}/${repo}`),
    pull: (owner, repo, number) =>
      pulls.find((p) => p.owner === owner && p.repo === repo && p.number === number),
    pulls: (owner, repo) => pulls.filter((p) => p.owner === owner && p.repo === repo).map(summary),
    mergePull: (owner, repo, number, opts = {}) => {
      const r = repositories.get(`${owner}/${repo}`);
      const pull = r ? findPull(r, number) : undefined;
      const issue = deps.issue(owner, repo, number);
      if (!r || !pull || !issue || issue.state !== 'open')
        throw new Error(`no open pull request ${owner}/${repo}#${number}`);
      const commit = merge(
        r,
        pull.base,
        pull.head,
        `Merge pull request #${number} from ${owner}/${pull.head}\n\n${issue.title}`,
      );
      pull.headSha = r.branches.get(pull.head)!;
      pull.mergedAt = STAMP;
      pull.mergeCommitSha = commit.sha;
      issue.state = 'closed';
      if (opts.deleteBranch) r.branches.delete(pull.head);
    },
  };
}

/** `heads/<branch>` → the branch; tags and other refs are not kept. */
const headsBranch = (ref: string): string | undefined =>
  ref.startsWith('heads/') ? ref.slice('heads/'.length) : undefined;

/** The entries of a tree as GitHub lists them: the top level, or (recursive) every file and folder. */
function listing(
  r: GitRepository,
  files: FileShas,
  prefix: string,
  recursive: boolean,
): { path: string; sha: string; type: 'blob' | 'tree' }[] {
  const out = new Map<string, { path: string; sha: string; type: 'blob' | 'tree' }>();
  for (const [path, sha] of files) {
    const parts = path.split('/');
    const depth = recursive ? parts.length : 1;
    for (let i = 1; i <= depth; i++) {
      const p = parts.slice(0, i).join('/');
      if (out.has(p)) continue;
      if (i === parts.length) {
        out.set(p, { path: prefix + p, sha, type: 'blob' });
      } else {
        const inside = new Map(
          [...files].filter(([f]) => f.startsWith(`${p}/`)).map(([f, s]) => [f.slice(p.length + 1), s]),
        );
        out.set(p, { path: prefix + p, sha: putTree(r, inside), type: 'tree' });
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Base64 in lines of 60 characters, each ending in a newline, as the contents API sends it. */
const base64Lines = (text: string): string =>
  (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,60}/g) ?? []
  )
    .map((l) => `${l}\n`)
    .join('');

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const notFound = () => ({ message: 'Not Found', documentation_url: DOCS, status: '404' });
