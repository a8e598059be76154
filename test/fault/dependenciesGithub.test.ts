import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, MEMBER, startHarness } from '../support/gavelHarness.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const GITHUB_TOKEN = 'ghp_faulttest000000000000000000000000';
/** Past the job queue's backoff (30 s, then 60 s) and the item's announcement grace. */
const later = (h: GavelHarness, minutes: number) =>
  h.clock.set(new Date(h.clock.now().getTime() + minutes * 60_000));

/**
 * The clients give up on a silent server after 300 ms and retry after 10 ms, so a fault
 * costs the test milliseconds; production keeps 10 s and 1 s.
 */
const FAST = { apiTimeoutMs: 300, retryBaseMs: 10 } as const;

describe.each(ENGINES)('when GitHub fails, on %s', (engine) => {
  let h: GavelHarness | undefined;
  let github: GithubApiServer | undefined;
  afterEach(async () => {
    await h?.stop();
    await github?.close();
    h = undefined;
    github = undefined;
  });

  const job = (app: GavelHarness, key: string) =>
    app.db.opened.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

  describe('GitHub', () => {
    const startWithGithub = async () => {
      github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
      h = await startHarness({
        engine,
        now: MONDAY_NOON,
        ...FAST,
        env: { GITHUB_TOKEN, GITHUB_API_URL: github.url },
      });
      return { app: h, gh: github };
    };
    /** `/todo` acks before GitHub is asked anything; the issue is a job. */
    const todo = async (app: GavelHarness, gh: GithubApiServer, text: string) => {
      const res = await app.command('/todo', text);
      expect(res.status).toBe(200);
      // However GitHub fails, it cannot have delayed the ack: it had not been asked yet.
      expect(gh.calls).toEqual([]);
      // The item's message (posted right after the ack) is the thread its issue link goes to.
      return vi.waitFor(
        async () => {
          const item = await app.db.opened.db
            .selectFrom('action_items')
            .selectAll()
            .executeTakeFirstOrThrow();
          expect(item.message_ts).not.toBeNull();
          return item;
        },
        { timeout: 5000, interval: 20 },
      );
    };
    /** What the item's thread says about GitHub not answering. */
    const retryNotes = (app: GavelHarness, threadTs: string | null) =>
      app.slack
        .messages()
        .filter((m) => m['thread_ts'] === threadTs && String(m['text']).includes('GitHub is not answering'));
    const itemNow = (app: GavelHarness, id: number) =>
      app.db.opened.db.selectFrom('action_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('answering 500: the issue job retries after GitHub recovers and opens the issue once', async () => {
      const { app, gh } = await startWithGithub();
      // Creation is never retried inside Octokit (it could duplicate the issue): each job
      // attempt makes one call, and the queue's backoff spaces the attempts.
      gh.fail({ op: 'issues.create', kind: 'status', status: 500, times: 2 });
      const item = await todo(app, gh, `<@${MEMBER}> Write the fault report`);
      await app.gavel.tick();
      expect(gh.issues()).toHaveLength(0);
      const failed = await job(app, `github-issue:${item.id}`);
      expect(failed.status).toBe('pending');
      expect((await itemNow(app, item.id)).github_issue_number).toBeNull();
      later(app, 1);
      await app.gavel.tick();
      expect(gh.issues()).toHaveLength(0);

      later(app, 2);
      await app.gavel.tick();
      expect(gh.callsTo('issues.create').map((c) => c.status)).toEqual([500, 500, 201]);
      expect(gh.issues()).toHaveLength(1);
      // Told once, in the item's thread, at the first failure; the retries stay quiet.
      expect(retryNotes(app, item.message_ts)).toHaveLength(1);
      expect((await itemNow(app, item.id)).github_issue_number).toBe(1);
      expect((await job(app, `github-issue:${item.id}`)).status).toBe('done');
    });

    it('answering 403 with Retry-After (secondary rate limit): waited out, the issue opened once', async () => {
      const { app, gh } = await startWithGithub();
      gh.fail({ op: 'issues.create', kind: 'secondary-rate-limit', retryAfter: 30 });
      const item = await todo(app, gh, `<@${MEMBER}> Survive the rate limit`);
      await app.gavel.tick();
      expect(gh.callsTo('issues.create').map((c) => c.status)).toEqual([403, 201]);
      expect(gh.issues()).toHaveLength(1);
      // Waited out within the attempt: nothing to apologise for.
      expect(retryNotes(app, item.message_ts)).toHaveLength(0);
      expect((await itemNow(app, item.id)).github_issue_number).toBe(1);
    });

    it('not answering: the request times out, the job retries, nothing is lost or doubled', async () => {
      const { app, gh } = await startWithGithub();
      gh.fail({ op: 'issues.create', kind: 'hang', times: 2 });
      const item = await todo(app, gh, `<@${MEMBER}> Outlast the silence`);
      await app.gavel.tick();
      expect(gh.issues()).toHaveLength(0);
      expect((await job(app, `github-issue:${item.id}`)).status).toBe('pending');
      later(app, 1);
      await app.gavel.tick();
      later(app, 2);
      await app.gavel.tick();
      expect(gh.callsTo('issues.create').map((c) => c.status)).toEqual([0, 0, 201]);
      expect(gh.issues()).toHaveLength(1);
      expect(retryNotes(app, item.message_ts)).toHaveLength(1);
      expect((await itemNow(app, item.id)).github_issue_number).toBe(1);
      expect((await job(app, `github-issue:${item.id}`)).status).toBe('done');
    });
  });
});
