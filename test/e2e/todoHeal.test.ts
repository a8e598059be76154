import { afterEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, MEMBER, SERVERLESS_CHANNEL, startHarness } from '../support/gavelHarness.js';
import { cid, day, gid, uid } from '../support/ids.js';

const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const HOUR_MS = 60 * 60_000;

describe.each(ENGINES)('an action item saved just before a crash, on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer;
  afterEach(async () => {
    await h.stop();
    await github.close();
  });

  /** What a process that died right after saving the item (before enqueuing its jobs) leaves. */
  const savedWithoutJobs = (text: string, at: Date) =>
    h.gavel.services.actionItems.create(
      {
        groupId: gid('serverless'),
        meetingStartsAt: null,
        text,
        owners: [uid(MEMBER)],
        authorId: uid(MEMBER),
        dueDate: day('2026-12-07'),
        channelId: cid(SERVERLESS_CHANNEL),
        sourcePermalink: null,
      },
      at,
    );
  const jobKeys = async () =>
    (await h.db.opened.db.selectFrom('jobs').select('key').where('key', 'not like', 'reminder:%').execute())
      .map((j) => j.key)
      .filter(
        (k) =>
          !['agenda-rollover', 'todo-reconcile', 'retention', 'meeting-start', 'wrap-up'].some((kind) =>
            k.startsWith(kind),
          ),
      );

  it('gets its GitHub issue and due-date DM jobs at the next planning, once; old items are left alone', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN },
    });
    const now = h.clock.now();
    const recent = await savedWithoutJobs('Write the blog post', new Date(now.getTime() - HOUR_MS));
    await savedWithoutJobs('Something from last month', new Date(now.getTime() - 30 * 24 * HOUR_MS));
    expect(await jobKeys()).toEqual([]);

    await h.gavel.replanAll();
    await h.gavel.replanAll();
    const keys = await jobKeys();
    expect(keys.sort()).toEqual([`github-issue:${recent.id}`, `todo-due:${recent.id}:2026-12-07`].sort());

    await h.gavel.tick();
    const issues = github.issues('cncf', 'wg-serverless');
    expect(issues.map((i) => i.title)).toEqual(['Write the blog post']);
  });
});
