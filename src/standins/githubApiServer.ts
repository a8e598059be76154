import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { history, newRepository } from './gitRepository.js';
import {
  githubRepositoryApi,
  isRepositoryOp,
  type PullSummary,
  type RepositoryOp,
  repositoryRoute,
} from './githubRepositoryApi.js';
import { readBody } from './readBody.js';
import { listForRepo } from './githubIssueLists.js';
import { matchesSearchQuery, searchedScopes } from './githubSearchQuery.js';

/**
 * A local stand-in for the GitHub REST API: issues (create, get, update, comment, list
 * comments page by page with a Link header), issue search and labels, in GitHub's wire format (shapes as in @octokit/fixtures' recordings),
 * and repositories with branches, git data, contents and pull requests (githubRepositoryApi.ts).
 * Requests need `Authorization: token <known token>` (or an installation token this server
 * issued to a GitHub App through POST /app/installations/:id/access_tokens). Faults are
 * injected per operation: a 422 for an assignee without access, a 403 secondary rate limit
 * with Retry-After, a 500, a crash after the issue was created (the response is lost), and
 * silence (no answer at all).
 */

export type GithubOp =
  | 'issues.create'
  | 'issues.get'
  | 'issues.update'
  | 'issues.createComment'
  | 'issues.listComments'
  | 'issues.listForRepo'
  | 'search.issues'
  | 'labels.list'
  | 'labels.create'
  | 'apps.createInstallationAccessToken'
  | RepositoryOp;

export interface RecordedGithubCall {
  readonly op: GithubOp | 'unknown';
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
  readonly authorization: string | undefined;
}

export interface StoredIssue {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  /** The bodies of the issue's comments, oldest first (`comments()` has them whole). */
  readonly comments: string[];
  /** A pull request: GitHub's issues API serves it too, comments included. */
  readonly pullRequest?: boolean;
  /** Who opened it (gavel's own login when unset). */
  author?: string;
}

/** A comment as GitHub answers it (the fields gavel and the tests read). */
export interface GithubComment {
  readonly id: number;
  readonly node_id: string;
  readonly url: string;
  readonly html_url: string;
  readonly issue_url: string;
  readonly body: string;
  readonly user: { readonly login: string; readonly id: number; readonly type: string };
  readonly author_association: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** An issue or pull request that someone other than gavel opened, for a test to start from. */
export interface IssueSeed {
  readonly owner: string;
  readonly repo: string;
  readonly title?: string;
  readonly body?: string;
  readonly state?: 'open' | 'closed';
  readonly labels?: readonly string[];
  readonly pullRequest?: boolean;
  /** Who opened it on GitHub; gavel-bot when unset. */
  readonly author?: string;
}

export type GithubFault =
  | { readonly op: GithubOp; readonly kind: 'status'; readonly status: number; readonly times?: number }
  | {
      readonly op: GithubOp;
      readonly kind: 'secondary-rate-limit';
      readonly retryAfter: number;
      readonly times?: number;
    }
  /** Apply the request, then lose the answer: `drop` closes the socket, `502` answers Bad Gateway. */
  | {
      readonly op: GithubOp;
      readonly kind: 'after-applying';
      readonly then: 'drop' | '502';
      readonly times?: number;
    }
  /** Never answer: the connection stays open until the client gives up. */
  | { readonly op: GithubOp; readonly kind: 'hang'; readonly times?: number };

export interface GithubApiServerOptions {
  /** Personal access tokens accepted as `token …`. */
  readonly tokens?: readonly string[];
  /** GitHub App installations this server issues tokens for (the JWT is not verified). */
  readonly installations?: readonly string[];
  /** Tokens that may read but not write (403, as a token without write permission is refused). */
  readonly readOnlyTokens?: readonly string[];
}

/** A repository someone else made, for a test to start from. */
export interface RepoSeed {
  readonly owner: string;
  readonly repo: string;
  /** `main` unless told. */
  readonly defaultBranch?: string;
  /** Path → text, in the default branch's one commit. */
  readonly files?: Readonly<Record<string, string>>;
  /** Branches that refuse pushes through the API (422, as branch protection does). */
  readonly protectedBranches?: readonly string[];
}

export interface GithubApiServer {
  readonly url: string;
  readonly calls: RecordedGithubCall[];
  callsTo(op: GithubOp): RecordedGithubCall[];
  issues(owner?: string, repo?: string): StoredIssue[];
  issue(owner: string, repo: string, number: number): StoredIssue | undefined;
  /** Opens an issue (or a pull request) as a person would; it takes the repository's next number. */
  addIssue(seed: IssueSeed): StoredIssue;
  /** Comments on an issue or pull request as `login` would on github.com. */
  addComment(owner: string, repo: string, number: number, body: string, login?: string): GithubComment;
  /** The issue's comments as the API lists them, oldest first. */
  comments(owner: string, repo: string, number: number): GithubComment[];
  /** Logins GitHub refuses as assignees (no access to the repository): a 422 on create. */
  refuseAssignees(...logins: string[]): void;
  /**
   * A repository (`owner/name`) or a whole owner gavel cannot read: listing it answers 404
   * (or 403), a search naming it 422, as GitHub answers for what a token cannot see.
   */
  hide(scope: string, status?: 403 | 404): void;
  /** Search finds nothing (the index lags behind, as GitHub's does). */
  setSearchLag(lagging: boolean): void;
  /** The total_count search answers for exactly this query (undefined: count the stored issues). */
  setSearchTotal(query: string, total: number | undefined): void;
  /** Search answers this query with 422 Validation Failed, as GitHub does a query it cannot run. */
  refuseSearch(query: string, message?: string): void;
  fail(fault: GithubFault): void;
  /**
   * The next successful `op` takes effect, then `before` runs and only then is the answer
   * sent: a crash test kills the app there, after the change but before it heard. `undefined`
   * disarms it.
   */
  beforeAnswer(op: GithubOp, before: (() => Promise<void>) | undefined): void;
  /** Moves an issue's state as a person on github.com would (no webhook is sent). */
  setState(owner: string, repo: string, number: number, state: 'open' | 'closed'): void;
  /** Creates a repository whose default branch has one commit holding `files`. */
  addRepo(seed: RepoSeed): void;
  /** A file's text on a branch, or undefined when the file or the branch is not there. */
  fileAt(owner: string, repo: string, branch: string, path: string): string | undefined;
  /** The repository's branch names, sorted. */
  branches(owner: string, repo: string): string[];
  /** The branch's commit messages down its first parents, newest first (empty for no branch). */
  commits(owner: string, repo: string, branch: string): string[];
  /** The repository's pull requests, oldest first. */
  pulls(owner: string, repo: string): PullSummary[];
  /**
   * Merges a pull request as a person would on github.com (protection does not stop them):
   * the base branch takes the head's changes, the pull request is closed and merged.
   */
  mergePull(owner: string, repo: string, number: number, opts?: { readonly deleteBranch?: boolean }): void;
  close(): Promise<void>;
}

const ISSUE_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?(\/comments)?$/;
const LABELS_PATH = /^\/repos\/([^/]+)\/([^/]+)\/labels$/;
const TOKEN_PATH = /^\/app\/installations\/([^/]+)\/access_tokens$/;

export async function startGithubApiServer(opts: GithubApiServerOptions = {}): Promise<GithubApiServer> {
  const tokens = new Set(opts.tokens ?? []);
  const installations = new Set(opts.installations ?? []);
  const readOnly = new Set(opts.readOnlyTokens ?? []);
  const issued = new Set<string>();
  const calls: RecordedGithubCall[] = [];
  const issues: StoredIssue[] = [];
  const labels = new Map<string, Set<string>>();
  const refused = new Set<string>();
  const faults: (GithubFault & { left: number })[] = [];
  const answerHooks = new Map<GithubOp, () => Promise<void>>();
  const commentsByIssue = new Map<string, GithubComment[]>();
  let searchLag = false;
  const hidden = new Map<string, 403 | 404>();
  const hiddenStatus = (owner: string, repo?: string) =>
    hidden.get(`${owner}/${repo ?? ''}`.toLowerCase()) ?? hidden.get(owner.toLowerCase());
  const searchTotals = new Map<string, number>();
  const refusedSearches = new Map<string, string>();
  let url = '';
  let ids = 1000;

  const htmlUrl = (i: StoredIssue) => `https://github.com/${i.owner}/${i.repo}/issues/${i.number}`;
  const issueJson = (i: StoredIssue) => ({
    id: 2_000_000 + i.number,
    node_id: `I_kwDO${i.number}`,
    url: `${url}/repos/${i.owner}/${i.repo}/issues/${i.number}`,
    repository_url: `${url}/repos/${i.owner}/${i.repo}`,
    // GitHub's issues API gives a pull request its /pull/ page.
    html_url: i.pullRequest ? `https://github.com/${i.owner}/${i.repo}/pull/${i.number}` : htmlUrl(i),
    number: i.number,
    state: i.state,
    state_reason: i.state === 'closed' ? 'completed' : null,
    title: i.title,
    body: i.body,
    user: i.author ? userJson(i.author) : { login: 'gavel-bot', id: 1, type: 'Bot' },
    labels: i.labels.map((name, k) => ({ id: 100 + k, name, color: 'ededed', default: false })),
    assignee: i.assignees[0] ? userJson(i.assignees[0]) : null,
    assignees: i.assignees.map(userJson),
    comments: i.comments.length,
    ...(i.pullRequest ? { pull_request: pullRequestJson(i) } : {}),
    locked: false,
    created_at: '2026-11-23T12:00:00Z',
    updated_at: '2026-11-23T12:00:00Z',
    closed_at: i.state === 'closed' ? '2026-11-23T12:00:00Z' : null,
  });

  const pullRequestJson = (i: StoredIssue) => ({
    url: `${url}/repos/${i.owner}/${i.repo}/pulls/${i.number}`,
    html_url: `https://github.com/${i.owner}/${i.repo}/pull/${i.number}`,
    diff_url: `https://github.com/${i.owner}/${i.repo}/pull/${i.number}.diff`,
    patch_url: `https://github.com/${i.owner}/${i.repo}/pull/${i.number}.patch`,
    merged_at: repositories.pull(i.owner, i.repo, i.number)?.mergedAt ?? null,
  });
  const commentsOf = (i: StoredIssue) => {
    const key = `${i.owner}/${i.repo}#${i.number}`;
    if (!commentsByIssue.has(key)) commentsByIssue.set(key, []);
    return commentsByIssue.get(key)!;
  };
  const addComment = (i: StoredIssue, body: string, login: string): GithubComment => {
    const id = ++ids;
    const comment: GithubComment = {
      id,
      node_id: `IC_kwDO${id}`,
      url: `${url}/repos/${i.owner}/${i.repo}/issues/comments/${id}`,
      html_url: `${i.pullRequest ? pullRequestJson(i).html_url : htmlUrl(i)}#issuecomment-${id}`,
      issue_url: `${url}/repos/${i.owner}/${i.repo}/issues/${i.number}`,
      body,
      user: login === GAVEL_LOGIN ? { login, id: 1, type: 'Bot' } : userJson(login),
      author_association: login === GAVEL_LOGIN ? 'NONE' : 'MEMBER',
      created_at: '2026-11-23T12:00:00Z',
      updated_at: '2026-11-23T12:00:00Z',
    };
    commentsOf(i).push(comment);
    i.comments.push(body);
    return comment;
  };
  const nextNumber = (owner: string, repo: string) =>
    Math.max(0, ...issues.filter((i) => i.owner === owner && i.repo === repo).map((i) => i.number)) + 1;

  const repositories = githubRepositoryApi({
    url: () => url,
    openIssue: (owner, repo, title, body) => {
      const issue: StoredIssue = {
        owner,
        repo,
        number: nextNumber(owner, repo),
        title,
        body,
        state: 'open',
        labels: [],
        assignees: [],
        comments: [],
        pullRequest: true,
      };
      issues.push(issue);
      return issue;
    },
    issue: (owner, repo, number) => findIssue(owner, repo, number),
  });

  const takeFault = (op: GithubOp) => {
    const i = faults.findIndex((f) => f.op === op && f.left > 0);
    if (i === -1) return undefined;
    const fault = faults[i]!;
    fault.left -= 1;
    if (fault.left <= 0) faults.splice(i, 1);
    return fault;
  };

  const server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const parsed = new URL(req.url ?? '/', 'http://github.test');
      const query = Object.fromEntries(parsed.searchParams);
      let body: unknown;
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        body = raw;
      }
      const route = routeOf(req.method ?? 'GET', parsed.pathname);
      const record = (status: number) =>
        calls.push({
          op: route.op,
          method: req.method ?? 'GET',
          path: parsed.pathname,
          query,
          body,
          status,
          authorization: req.headers.authorization,
        });
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        record(status);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(json));
      };
      if (route.op === 'unknown') return send(404, notFound());
      if (route.op === 'apps.createInstallationAccessToken') {
        if (!installations.has(route.params[0]!) || !/^bearer /i.test(req.headers.authorization ?? '')) {
          return send(401, { message: 'A JSON web token could not be decoded', status: '401' });
        }
        const token = `ghs_installation${++ids}`;
        issued.add(token);
        return send(201, { token, expires_at: '2099-01-01T00:00:00Z', permissions: { issues: 'write' } });
      }
      const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!auth || (!tokens.has(auth) && !issued.has(auth) && !readOnly.has(auth))) {
        return send(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
      }
      if (readOnly.has(auth) && req.method !== 'GET') {
        return send(403, {
          message: 'Resource not accessible by personal access token',
          documentation_url: 'https://docs.github.com/rest',
          status: '403',
        });
      }
      const fault = takeFault(route.op);
      if (fault?.kind === 'hang') return void record(0);
      if (fault?.kind === 'status') {
        return send(fault.status, {
          message: fault.status >= 500 ? 'Server Error' : 'Failed',
          status: String(fault.status),
        });
      }
      if (fault?.kind === 'secondary-rate-limit') {
        return send(
          403,
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '403',
          },
          { 'retry-after': String(fault.retryAfter) },
        );
      }
      const answer = handle(route, query, body);
      const hook = answer.status < 400 ? answerHooks.get(route.op) : undefined;
      if (hook) {
        answerHooks.delete(route.op);
        await hook();
        if (res.destroyed) return void record(0);
      }
      if (fault?.kind === 'after-applying') {
        record(fault.then === 'drop' ? 0 : 502);
        if (fault.then === 'drop') {
          res.socket?.destroy();
          return;
        }
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      }
      send(answer.status, answer.json, answer.headers);
    });
  });

  function handle(
    route: Route,
    query: Record<string, string>,
    body: unknown,
  ): { status: number; json: unknown; headers?: Record<string, string> } {
    const input = (body ?? {}) as Record<string, unknown>;
    const [owner = '', repo = '', numberText] = route.params;
    const found = numberText ? findIssue(owner, repo, Number(numberText)) : undefined;
    switch (route.op) {
      case 'issues.create': {
        if (typeof input['title'] !== 'string' || input['title'] === '') {
          return validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
        }
        const assignees = strings(input['assignees']);
        const bad = assignees.find((a) => refused.has(a));
        if (bad)
          return validationFailed({ resource: 'Issue', field: 'assignees', code: 'invalid', value: bad });
        const issue: StoredIssue = {
          owner,
          repo,
          number: nextNumber(owner, repo),
          title: input['title'],
          body: typeof input['body'] === 'string' ? input['body'] : '',
          state: 'open',
          labels: strings(input['labels']),
          assignees,
          comments: [],
        };
        issues.push(issue);
        for (const l of issue.labels) labelsOf(owner, repo).add(l);
        return { status: 201, json: issueJson(issue) };
      }
      case 'issues.listForRepo': {
        const status = hiddenStatus(owner, repo);
        if (status) return { status, json: status === 404 ? notFound() : forbidden() };
        const page = listForRepo(issues, owner, repo, query, (n, per) => {
          const q = new URLSearchParams({ ...query, per_page: String(per), page: String(n) });
          return `${url}/repos/${owner}/${repo}/issues?${q.toString()}`;
        });
        return { status: 200, json: page.json.map(issueJson), headers: page.headers };
      }
      case 'issues.get':
        if (hiddenStatus(owner, repo)) return { status: 404, json: notFound() };
        return found ? { status: 200, json: issueJson(found) } : { status: 404, json: notFound() };
      case 'issues.update': {
        if (!found) return { status: 404, json: notFound() };
        if (input['state'] === 'open' || input['state'] === 'closed') found.state = input['state'];
        if (typeof input['title'] === 'string') found.title = input['title'];
        if (typeof input['body'] === 'string') found.body = input['body'];
        if (input['labels'] !== undefined) found.labels = strings(input['labels']);
        if (input['assignees'] !== undefined) found.assignees = strings(input['assignees']);
        return { status: 200, json: issueJson(found) };
      }
      case 'issues.createComment': {
        if (!found) return { status: 404, json: notFound() };
        if (typeof input['body'] !== 'string' || input['body'] === '') {
          return validationFailed({ resource: 'IssueComment', field: 'body', code: 'missing_field' });
        }
        return { status: 201, json: addComment(found, input['body'], GAVEL_LOGIN) };
      }
      case 'issues.listComments':
        return found ? listPage(found, query) : { status: 404, json: notFound() };
      case 'search.issues': {
        const q = query['q'] ?? '';
        if (searchedScopes(q).some((s) => hidden.has(s))) return cannotSearch();
        const refusal = refusedSearches.get(q);
        if (refusal !== undefined) {
          return validationFailed({ message: refusal, resource: 'Search', field: 'q', code: 'invalid' });
        }
        const hits = searchLag ? [] : search(q);
        const perPage = Math.min(Math.max(Number(query['per_page'] ?? 30) || 30, 1), 100);
        return {
          status: 200,
          json: {
            total_count: searchTotals.get(q) ?? hits.length,
            incomplete_results: false,
            items: hits.slice(0, perPage).map((i) => ({ ...issueJson(i), score: 1 })),
          },
        };
      }
      case 'labels.list':
        return {
          status: 200,
          json: [...labelsOf(owner, repo)].map((name, k) => ({ id: 100 + k, name, color: 'ededed' })),
        };
      case 'labels.create': {
        const name = typeof input['name'] === 'string' ? input['name'] : '';
        if (labelsOf(owner, repo).has(name)) {
          return validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
        }
        labelsOf(owner, repo).add(name);
        return { status: 201, json: { id: ++ids, name, color: input['color'] ?? 'ededed' } };
      }
      default:
        return isRepositoryOp(route.op)
          ? repositories.answer(route.op, route.params, query, body)
          : { status: 404, json: notFound() };
    }
  }

  /** One page of the comments, with GitHub's Link header pointing at the next and the last. */
  function listPage(
    issue: StoredIssue,
    query: Record<string, string>,
  ): { status: number; json: unknown; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(query['per_page'] ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query['page'] ?? 1) || 1, 1);
    const all = commentsOf(issue);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const pageUrl = (n: number) =>
      `${url}/repos/${issue.owner}/${issue.repo}/issues/${issue.number}/comments?per_page=${perPage}&page=${n}`;
    const links = [
      ...(page > 1 ? [`<${pageUrl(page - 1)}>; rel="prev"`] : []),
      ...(page < last ? [`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`] : []),
      ...(page > 1 ? [`<${pageUrl(1)}>; rel="first"`] : []),
    ];
    return {
      status: 200,
      json: all.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  /** The stored issues and pull requests the query matches (see matchesSearchQuery). */
  // In a stable order (repository, then number), so a capped page is the same on every ask.
  const search = (q: string): StoredIssue[] =>
    issues
      .filter((i) => matchesSearchQuery(i, q))
      .sort((a, b) => a.owner.localeCompare(b.owner) || a.repo.localeCompare(b.repo) || a.number - b.number);

  const findIssue = (owner: string, repo: string, number: number) =>
    issues.find((i) => i.owner === owner && i.repo === repo && i.number === number);
  const labelsOf = (owner: string, repo: string) => {
    const key = `${owner}/${repo}`;
    if (!labels.has(key)) labels.set(key, new Set());
    return labels.get(key)!;
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    callsTo: (op) => calls.filter((c) => c.op === op),
    issues: (owner, repo) =>
      issues.filter(
        (i) => (owner === undefined || i.owner === owner) && (repo === undefined || i.repo === repo),
      ),
    issue: findIssue,
    addIssue: (seed) => {
      const issue: StoredIssue = {
        owner: seed.owner,
        repo: seed.repo,
        number: nextNumber(seed.owner, seed.repo),
        title: seed.title ?? (seed.pullRequest ? 'A pull request' : 'An issue'),
        body: seed.body ?? '',
        state: seed.state ?? 'open',
        labels: [...(seed.labels ?? [])],
        assignees: [],
        comments: [],
        ...(seed.pullRequest ? { pullRequest: true } : {}),
        ...(seed.author ? { author: seed.author } : {}),
      };
      issues.push(issue);
      for (const l of issue.labels) labelsOf(seed.owner, seed.repo).add(l);
      return issue;
    },
    addComment: (owner, repo, number, body, login = 'octocat') => {
      const issue = findIssue(owner, repo, number);
      if (!issue) throw new Error(`no issue ${owner}/${repo}#${number}`);
      return addComment(issue, body, login);
    },
    comments: (owner, repo, number) => {
      const issue = findIssue(owner, repo, number);
      return issue ? [...commentsOf(issue)] : [];
    },
    refuseAssignees: (...logins) => logins.forEach((l) => refused.add(l)),
    hide: (scope, status = 404) => {
      hidden.set(scope.toLowerCase(), status);
    },
    setSearchLag: (lagging) => {
      searchLag = lagging;
    },
    setSearchTotal: (q, total) => {
      if (total === undefined) searchTotals.delete(q);
      else searchTotals.set(q, total);
    },
    refuseSearch: (q, message) =>
      refusedSearches.set(
        q,
        message ??
          'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
      ),
    fail: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    beforeAnswer: (op, before) => {
      if (before) answerHooks.set(op, before);
      else answerHooks.delete(op);
    },
    setState: (owner, repo, number, state) => {
      const issue = findIssue(owner, repo, number);
      if (!issue) throw new Error(`no issue ${owner}/${repo}#${number}`);
      issue.state = state;
    },
    addRepo: (seed) => repositories.add(newRepository(seed)),
    fileAt: (owner, repo, branch, path) => {
      const r = repositories.repository(owner, repo);
      const head = r?.branches.get(branch);
      const sha = head ? r?.trees.get(r.commits.get(head)!.tree)?.get(path) : undefined;
      return sha === undefined ? undefined : r?.blobs.get(sha);
    },
    branches: (owner, repo) => [...(repositories.repository(owner, repo)?.branches.keys() ?? [])].sort(),
    commits: (owner, repo, branch) => {
      const r = repositories.repository(owner, repo);
      return r && r.branches.has(branch) ? history(r, branch) : [];
    },
    pulls: (owner, repo) => repositories.pulls(owner, repo),
    mergePull: (owner, repo, number, o) => repositories.mergePull(owner, repo, number, o),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Route {
  readonly op: GithubOp | 'unknown';
  readonly params: readonly string[];
}

function routeOf(method: string, path: string): Route {
  const issue = ISSUE_PATH.exec(path);
  if (issue) {
    const params = [issue[1]!, issue[2]!, ...(issue[3] ? [issue[3]] : [])];
    const op: GithubOp | 'unknown' = issue[4]
      ? !issue[3]
        ? 'unknown'
        : method === 'POST'
          ? 'issues.createComment'
          : method === 'GET'
            ? 'issues.listComments'
            : 'unknown'
      : issue[3]
        ? method === 'GET'
          ? 'issues.get'
          : method === 'PATCH'
            ? 'issues.update'
            : 'unknown'
        : method === 'POST'
          ? 'issues.create'
          : method === 'GET'
            ? 'issues.listForRepo'
            : 'unknown';
    return { op, params };
  }
  const label = LABELS_PATH.exec(path);
  if (label) {
    return {
      op: method === 'GET' ? 'labels.list' : method === 'POST' ? 'labels.create' : 'unknown',
      params: [label[1]!, label[2]!],
    };
  }
  const token = TOKEN_PATH.exec(path);
  if (token && method === 'POST') return { op: 'apps.createInstallationAccessToken', params: [token[1]!] };
  if (path === '/search/issues' && method === 'GET') return { op: 'search.issues', params: [] };
  // Octokit sends a ref or a file path with its slashes escaped; GitHub takes them either way.
  return repositoryRoute(method, decodeURIComponent(path)) ?? { op: 'unknown', params: [] };
}

/** Who gavel is on GitHub, as the issues and comments it writes show. */
const GAVEL_LOGIN = 'gavel-bot';

const userJson = (login: string) => ({
  login,
  id: Array.from(login, (c) => c.charCodeAt(0)).reduce((n, c) => (n * 31 + c) % 1e7, 7),
  type: 'User',
});

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const notFound = () => ({
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest',
  status: '404',
});

const forbidden = () => ({
  message: 'Resource not accessible by personal access token',
  documentation_url: 'https://docs.github.com/rest',
  status: '403',
});

/** GitHub's answer to a search naming an owner or repository the token cannot see. */
const cannotSearch = () => ({
  status: 422,
  json: {
    message: 'Validation Failed',
    errors: [
      {
        message:
          'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
        resource: 'Search',
        field: 'q',
        code: 'invalid',
      },
    ],
    documentation_url: 'https://docs.github.com/v3/search/',
    status: '422',
  },
});

const validationFailed = (error: Record<string, string>) => ({
  status: 422,
  json: {
    message: 'Validation Failed',
    errors: [error],
    documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    status: '422',
  },
});
