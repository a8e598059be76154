import { createHash } from 'node:crypto';
import { IssueTrackerError, type RepoRef } from '../core/ports/issueTracker.js';
import type { ArchiveFile, PullRequestRef, RepositoryArchive } from '../core/ports/repositoryArchive.js';
import type { GithubOctokit } from './githubClient.js';
import { toIssueTrackerError } from './githubErrors.js';

/** Rounds of read, compare, write before a branch that keeps moving under us counts as busy. */
const ROUNDS = 3;

/**
 * The RepositoryArchive port over Octokit's git data and pulls APIs. A commit is built from
 * the branch's head (one recursive tree read tells, by blob sha, which files differ), and the
 * branch only ever moves forward: a writer that raced us makes us read again, never overwrite.
 */
export function githubRepositoryArchive(octokit: GithubOctokit): RepositoryArchive {
  const call = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (error) {
      throw toIssueTrackerError(error);
    }
  };

  const headOf = async (repo: RepoRef, branch: string): Promise<string | undefined> => {
    try {
      return (await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  };

  /** The commit's tree, and the files whose blob would differ from what the tree holds. */
  const compare = async (repo: RepoRef, commitSha: string, files: readonly ArchiveFile[]) => {
    const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: commitSha });
    const { data: tree } = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: commit.tree.sha,
      recursive: '1',
    });
    const held = new Map(
      tree.tree.flatMap((e) => (e.type === 'blob' && e.path && e.sha ? [[e.path, e.sha]] : [])),
    );
    const differing: ArchiveFile[] = [];
    for (const file of files) {
      // A listing GitHub cut short may not name the file: ask for that path alone.
      const sha =
        held.get(file.path) ?? (tree.truncated ? await contentSha(repo, commitSha, file.path) : undefined);
      if (sha !== blobSha(file.content)) differing.push(file);
    }
    return { tree: commit.tree.sha, differing };
  };

  const contentSha = async (repo: RepoRef, ref: string, path: string): Promise<string | undefined> => {
    try {
      const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref });
      return Array.isArray(data) ? undefined : data.sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  };

  const newestFrom = async (repo: RepoRef, branch: string, state: 'open' | 'all') => {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      head: `${repo.owner}:${branch}`,
      state,
      sort: 'created',
      direction: 'desc',
      per_page: 10,
    });
    const fullName = `${repo.owner}/${repo.repo}`.toLowerCase();
    const hit = data.find((p) => p.head.ref === branch && headRepo(p.head)?.toLowerCase() === fullName);
    return hit ? pullRef(hit) : undefined;
  };

  return {
    defaultBranch: (repo) =>
      call(async () => {
        try {
          return (await octokit.rest.repos.get({ ...repo })).data.default_branch;
        } catch (error) {
          throw statusOf(error) === 404 ? notThere(repo, undefined, error) : error;
        }
      }),

    readFile: (repo, branch, path) =>
      call(async () => {
        try {
          const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref: branch });
          if (Array.isArray(data) || data.type !== 'file') return undefined;
          // Over 1 MB the contents API leaves the text out; the blob still has it.
          const base64 =
            data.encoding === 'none'
              ? (await octokit.rest.git.getBlob({ ...repo, file_sha: data.sha })).data.content
              : data.content;
          return Buffer.from(base64, 'base64').toString('utf8');
        } catch (error) {
          if (statusOf(error) === 404) return undefined;
          throw error;
        }
      }),

    commitFiles: (repo, change) =>
      call(async () => {
        // Set once a write of ours met someone else's (or our own whose answer was lost): the
        // branch then holds the files because of a write this run may have made.
        let raced = false;
        for (let round = 1; round <= ROUNDS; round++) {
          const head = await headOf(repo, change.branch);
          const from = head ?? (await headOf(repo, change.base));
          if (from === undefined) throw notThere(repo, change.base, undefined);
          const { tree, differing } = await compare(repo, from, change.files);
          if (differing.length === 0 && head !== undefined) return { changed: raced };
          let sha = from;
          if (differing.length > 0) {
            const { data: newTree } = await octokit.rest.git.createTree({
              ...repo,
              base_tree: tree,
              tree: differing.map((f) => ({
                path: f.path,
                mode: '100644',
                type: 'blob',
                content: f.content,
              })),
            });
            const { data: commit } = await octokit.rest.git.createCommit({
              ...repo,
              message: change.message,
              tree: newTree.sha,
              parents: [from],
            });
            sha = commit.sha;
          }
          try {
            if (head === undefined) {
              await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${change.branch}`, sha });
            } else {
              await octokit.rest.git.updateRef({ ...repo, ref: `heads/${change.branch}`, sha, force: false });
            }
            return { changed: differing.length > 0 || raced };
          } catch (error) {
            const overtaken =
              head === undefined
                ? saysGithub(error, 422, /reference already exists/i)
                : saysGithub(error, 422, /not a fast.forward/i);
            if (!overtaken) throw error;
            raced = true;
          }
        }
        throw new IssueTrackerError(
          { kind: 'transient', status: 422 },
          `GitHub: the branch ${change.branch} of ${repo.owner}/${repo.repo} kept moving while gavel committed to it; trying again later`,
        );
      }),

    findPullRequest: (repo, branch) => call(() => newestFrom(repo, branch, 'all')),

    openPullRequest: (repo, pull) =>
      call(async () => {
        try {
          const { data } = await octokit.rest.pulls.create({
            ...repo,
            head: pull.branch,
            base: pull.base,
            title: pull.title,
            body: pull.body,
            // One request, never repeated here: the answer to a 502 may hide a pull request made.
            request: { retries: 0 },
          });
          return pullRef(data);
        } catch (error) {
          if (!saysGithub(error, 422, /pull request already exists/i)) throw error;
          const open = await newestFrom(repo, pull.branch, 'open');
          if (open) return open;
          // Closed between GitHub's refusal and our look: the next attempt can open one.
          throw new IssueTrackerError(
            { kind: 'transient', status: 422 },
            `GitHub said a pull request from ${pull.branch} is open in ${repo.owner}/${repo.repo}, then listed none`,
          );
        }
      }),

    updatePullRequest: (repo, number, pull) =>
      call(async () => {
        await octokit.rest.pulls.update({ ...repo, pull_number: number, title: pull.title, body: pull.body });
      }),
  };
}

/** git's blob sha of the text (sha1 of `blob <bytes>\0<content>`): what a tree entry holds. */
export const blobSha = (content: string): string => {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
};

const pullRef = (p: {
  number: number;
  html_url: string;
  state: string;
  merged_at: string | null;
  head: { ref: string };
}): PullRequestRef => ({
  number: p.number,
  url: p.html_url,
  state: p.merged_at ? 'merged' : p.state === 'closed' ? 'closed' : 'open',
  branch: p.head.ref,
});

/** The head's repository, which GitHub sends as null once a fork is deleted (its types say otherwise). */
const headRepo = (head: { repo: unknown }): string | undefined =>
  (head.repo as { full_name?: string } | null)?.full_name;

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
};

/** Whether GitHub answered `status` with words matching `pattern` (its message or a validation error's). */
function saysGithub(error: unknown, status: number, pattern: RegExp): boolean {
  if (statusOf(error) !== status) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data as
    { message?: unknown; errors?: unknown } | undefined;
  const errors: unknown[] = Array.isArray(data?.errors) ? data.errors : [];
  const words = [data?.message, ...errors.map((e) => (e as { message?: unknown } | null)?.message)];
  return words.some((w) => typeof w === 'string' && pattern.test(w));
}

/** A 404 a lead can act on: the repository's name in groups.yml, or gavel's access to it. */
function notThere(repo: RepoRef, branch: string | undefined, cause: unknown): IssueTrackerError {
  const what = branch === undefined ? 'is not there' : `has no branch ${branch}`;
  return new IssueTrackerError(
    { kind: 'permanent', status: 404 },
    `GitHub 404: the repository ${repo.owner}/${repo.repo} ${what}, or gavel's token or app cannot see it${
      cause instanceof Error ? ` (${cause.message.slice(0, 200)})` : ''
    }`,
  );
}
