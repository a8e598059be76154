import { describe, expect, it } from 'vitest';
import { startGithubApiServer } from '../../src/standins/githubApiServer.js';
import { metadataKeyOf, startSlackApiServer } from '../../src/standins/slackApiServer.js';
import { ENGINES, freshDatabase } from '../support/databases.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { killedAtAnswer } from './support/killAtAnswer.js';

/**
 * Issue 16, crash: the real app as a child process, SIGKILLed right after GitHub made the
 * publication's branch (before the app heard back, so before it opened the pull request), and
 * again right after GitHub opened the pull request. Each restart resumes on the same database;
 * the repository ends with one branch, one commit of the meeting and one pull request, and the
 * thread with one note about it.
 */

const BOT_TOKEN = 'xoxb-archive-crash-gavel';
const SIGNING_SECRET = 'archive-crash-signing-secret-0123456789';
const GITHUB_TOKEN = 'ghp_archivecrash0000000000000000000000';
const LEAD = 'U0LEAD001';
const CHANNEL = 'C0ARCHIVE1';
const OWNER = 'crash-org';
const REPO = 'wg';
const BRANCH = 'gavel/wg/2026-01-06';
/** Half an hour before the only meeting (Tuesday 6 January 2026, 17:00–18:00 UTC). */
const FAKE_START = '2026-01-06T16:30:00.000Z';
const GROUPS_YAML = `
groups:
  wg:
    name: Crash WG
    channel: "#wg"
    timezone: UTC
    leads: [${LEAD}]
    meetings:
      - { title: Weekly call, day: tuesday, time: "17:00", duration: 1h, from: 2026-01-06, until: 2026-01-06 }
    reminders: [10m]
    github: { repo: ${OWNER}/${REPO} }
    archive: { path: "meetings/{yyyy}/{date}.md", after: 1m }
`;
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a crash while a meeting is being published', () => {
  for (const engine of ENGINES) {
    it(`on ${engine}: after kills between the branch and the pull request, and after the pull request, there is one of each`, async () => {
      const db = await freshDatabase(engine);
      let latest: GavelProcess | undefined;
      const slack = await startSlackApiServer({
        token: BOT_TOKEN,
        now: () => new Date(latest?.lastNow() ?? FAKE_START),
        channels: [{ id: CHANNEL, name: 'wg' }],
        users: [{ id: LEAD, name: 'lead', real_name: 'Lea Lead', tz: 'UTC', tz_label: 'UTC', tz_offset: 0 }],
      });
      const github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
      github.addRepo({ owner: OWNER, repo: REPO, files: { 'README.md': '# Crash WG\n' } });
      const env = (fakeNow: string): Record<string, string> =>
        childEnv(
          {
            botToken: BOT_TOKEN,
            signingSecret: SIGNING_SECRET,
            slackUrl: slack.url,
            db,
            groupsYaml: GROUPS_YAML,
            fakeNow,
          },
          { GITHUB_TOKEN, GITHUB_API_URL: github.url },
        );
      const context = () => `last child output:\n${childOutput.slice(-30).join('\n')}`;
      try {
        let fakeNow = FAKE_START;
        for (const op of ['git.createRef', 'pulls.create'] as const) {
          const child = await startGavelProcess(env(fakeNow), STARTUP_TIMEOUT_MS);
          latest = child;
          const killed = await killedAtAnswer((hook) => github.beforeAnswer(op, hook), child);
          expect(killed, `a kill after ${op}; ${context()}`).toBe(true);
          fakeNow = child.lastNow();
        }
        expect(github.branches(OWNER, REPO)).toContain(BRANCH);
        expect(github.pulls(OWNER, REPO)).toHaveLength(1);

        const last = await startGavelProcess(env(fakeNow), STARTUP_TIMEOUT_MS);
        latest = last;
        const unsettled = async () =>
          (
            await db.opened.db
              .selectFrom('jobs')
              .select('key')
              .where('status', 'in', ['pending', 'running'])
              .where('key', 'like', 'archive-publish:%')
              .execute()
          ).length;
        const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
        while ((await unsettled()) > 0 && Date.now() < drainedBy) await sleep(100);
        expect(await unsettled(), context()).toBe(0);
        expect(await last.terminate(15_000)).toEqual({ code: 0, stoppedCleanly: true });

        const pulls = github.pulls(OWNER, REPO);
        expect(
          pulls.map((p) => [p.head, p.state]),
          context(),
        ).toEqual([[BRANCH, 'open']]);
        expect(github.branches(OWNER, REPO).filter((b) => b.startsWith('gavel/'))).toEqual([BRANCH]);
        expect(github.commits(OWNER, REPO, BRANCH)).toHaveLength(2);
        expect(github.fileAt(OWNER, REPO, BRANCH, 'meetings/2026/2026-01-06.md')).toContain(
          '# Crash WG: Weekly call, Tuesday 6 January 2026',
        );
        const notes = slack.messages().filter((m) => metadataKeyOf(m)?.startsWith('archive-post:'));
        expect(
          notes.map((m) => String(m['text'])),
          context(),
        ).toEqual([expect.stringContaining(`pull request #${pulls[0]!.number}`)]);
        const failed = await db.opened.db
          .selectFrom('jobs')
          .select('key')
          .where('status', '=', 'failed')
          .execute();
        expect(failed).toEqual([]);
      } finally {
        await latest?.kill();
        await Promise.all([slack.close(), github.close()]);
        await db.dispose();
      }
    }, 120_000);
  }
});
