import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_CHANNEL,
  startHarness,
} from '../support/gavelHarness.js';

/**
 * Minutes and decisions published to the group's repository (issue 16), end to end through
 * the real app against the GitHub and Google stand-ins: a meeting's file and the decisions
 * index in one pull request a day after the meeting, exactly once through lost answers and
 * retries, `/meeting publish` by a lead, the commit mode, and GitHub refusing.
 *
 * Meetings: Thursdays 09:00–10:00 Los Angeles (17:00–18:00 UTC), from 26 Nov 2026.
 */
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const NOV26 = '2026-11-26T17:00:00.000Z';
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
/** The meeting's end (an hour after its start) plus a day: when it is published. */
const PUBLISHED = at(NOV26, 60 + 24 * 60);

const GITHUB_TOKEN = 'ghp_test0000000000000000000000000000gavel';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const OWNER = 'cncf';
const REPO = 'wg-serverless';
const MEETING_FILE = 'meetings/2026/2026-11-26.md';

interface Options {
  readonly mode?: 'pull-request' | 'commit';
  readonly withGoogle?: boolean;
  readonly protectedMain?: boolean;
}

const groupsYaml = (o: Options) =>
  [
    'people:',
    `  ${LEAD}: { organization: Google }`,
    `  ${MEMBER}: { organization: Red Hat, github: alice-gh }`,
    'groups:',
    '  serverless:',
    '    name: CNCF Serverless WG',
    '    channel: "#serverless"',
    '    timezone: America/Los_Angeles',
    `    leads: [${LEAD}]`,
    '    meetings:',
    '      - { title: Weekly call, day: thursday, time: "09:00", duration: 1h, from: 2026-11-26 }',
    '    reminders: [10m]',
    `    github: { repo: ${OWNER}/${REPO}, labels: [action-item], repos: [cloudevents/spec] }`,
    `    archive: { path: "meetings/{yyyy}/{date}.md", mode: ${o.mode ?? 'pull-request'} }`,
    ...(o.withGoogle
      ? [`    minutes: { mode: per-meeting, template: ${TEMPLATE}, folder: ${FOLDER}, create_before: 1h }`]
      : []),
    '',
  ].join('\n');

describe.each(ENGINES)('publishing a meeting to the group’s repository on %s', (engine) => {
  let key: ServiceAccountKey;
  let h: GavelHarness;
  let github: GithubApiServer;
  let google: GoogleApiServer | undefined;

  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await github.close();
    await google?.close();
    google = undefined;
  });

  const start = async (o: Options = {}) => {
    github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
    github.addRepo({
      owner: OWNER,
      repo: REPO,
      files: { 'README.md': '# CNCF Serverless WG\n' },
      ...(o.protectedMain ? { protectedBranches: ['main'] } : {}),
    });
    github.addIssue({ owner: 'cloudevents', repo: 'spec', title: 'Spec issue 1' });
    const env: Record<string, string> = {
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN,
      GITHUB_WEBHOOK_SECRET: 'webhook-secret-for-tests',
    };
    if (o.withGoogle) {
      google = await startGoogleApiServer({ serviceAccounts: [key] });
      google.addFolder(FOLDER);
      google.addDoc({
        id: TEMPLATE,
        name: 'WG minutes template',
        text: '{{group}}: {{title}}\nAgenda\n{{agenda}}\nAttendees\nShared To Do: What / Who / When\n',
        parents: ['1Templates000000000'],
      });
      Object.assign(env, { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url });
    }
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: groupsYaml(o), env });
    await h.gavel.tick();
  };

  const moveTo = async (when: Date) => {
    h.clock.set(when);
    await h.gavel.tick();
  };
  const say = async (command: string, text: string, userId = MEMBER) => {
    const res = await h.command(command, text, { userId });
    expect(res.status).toBe(200);
    return (res.body as { text?: string } | undefined)?.text ?? '';
  };

  /** A meeting with a checked-in room, two decisions, an action item and a covered topic. */
  const holdMeeting = async () => {
    await say('/agenda', 'add Discuss CloudEvents 2.0');
    await say('/agenda', 'add SDK release');
    await moveTo(at(NOV26, 2));
    await say('/meeting', 'here', LEAD);
    await say('/meeting', 'here', OTHER_MEMBER);
    await say('/decision', 'Adopt v1.0 cloudevents/spec#1', LEAD);
    await say('/decision', 'Ship the SDK <script>alert(1)</script> @alice', LEAD);
    await say('/todo', `<@${MEMBER}> Write the blog post by 2026-12-07`, LEAD);
    await say('/agenda', 'done 1', LEAD);
    await say('/meeting', 'recording <https://youtu.be/abc>', LEAD);
    await h.gavel.tick();
    // The end: the open topic rolls over to the next meeting, then the wrap-up.
    await moveTo(at(NOV26, 60));
    await moveTo(at(NOV26, 75));
  };

  const pulls = () => github.pulls(OWNER, REPO);
  const threadTexts = () =>
    h.slack
      .messages()
      .filter((m) => m['channel'] === SERVERLESS_CHANNEL && m['thread_ts'] !== undefined)
      .map((m) => String(m['text']));

  it('opens one pull request a day after the meeting, holding its file and the decisions index', async () => {
    await start({ withGoogle: true });
    await holdMeeting();
    await moveTo(at(PUBLISHED.toISOString(), -1));
    expect(pulls()).toEqual([]);

    await moveTo(PUBLISHED);
    const [pr, ...more] = pulls();
    expect(more).toEqual([]);
    expect(pr).toMatchObject({
      title: 'Minutes: CNCF Serverless WG Weekly call of 26 Nov 2026',
      head: 'gavel/serverless/2026-11-26',
      base: 'main',
      state: 'open',
      merged: false,
    });
    expect(pr!.body).toContain('`meetings/2026/2026-11-26.md`: the minutes doc as Markdown');
    expect(pr!.body).toContain('2 attendees, 2 decisions, 1 action item');
    expect(pr!.body).toContain('`DECISIONS.md`: the decisions index, rebuilt (2 decisions)');
    expect(github.commits(OWNER, REPO, 'gavel/serverless/2026-11-26')).toHaveLength(2);

    const file = github.fileAt(OWNER, REPO, 'gavel/serverless/2026-11-26', MEETING_FILE)!;
    expect(file.startsWith('---\ngroup: "serverless"\n')).toBe(true);
    expect(file).toContain('recording: "https://youtu.be/abc"');
    expect(file).toContain('## Minutes\n\n');
    expect(file).toContain('CNCF Serverless WG: Weekly call'); // the doc's own first line
    expect(file).toContain('- Lea Lead (Google)\n- Bob\n');
    expect(file).toContain('Covered:\n\n- #1 Discuss CloudEvents 2.0');
    expect(file).toContain(
      '- **#1** Adopt v1.0 cloudevents/spec#1 ([cloudevents/spec#1](https://github.com/cloudevents/spec/issues/1))',
    );
    expect(file).toContain('- **#2** Ship the SDK &lt;script&gt;alert(1)&lt;/script&gt; @&#8203;alice');
    expect(file).toMatch(/- #\d+ Write the blog post — Alice, due 2026-12-07/);
    expect(file).not.toMatch(/<script/);
    const index = github.fileAt(OWNER, REPO, 'gavel/serverless/2026-11-26', 'DECISIONS.md')!;
    expect(index).toContain('(26 Nov 2026, [Weekly call](meetings/2026/2026-11-26.md))');
    expect(index.indexOf('**#2**')).toBeLessThan(index.indexOf('**#1**'));
    // The default branch is untouched until a lead merges.
    expect(github.fileAt(OWNER, REPO, 'main', MEETING_FILE)).toBeUndefined();

    expect(threadTexts().filter((t) => t.includes('ready for review'))).toEqual([
      `:books: The minutes of the CNCF Serverless WG Weekly call of 26 Nov 2026 are ready for review: <https://github.com/${OWNER}/${REPO}/pull/${pr!.number}|pull request #${pr!.number}>. Merge it to publish them.`,
    ]);

    // Planning again, ticking again: nothing more.
    await h.gavel.replanAll();
    await moveTo(at(PUBLISHED.toISOString(), 60));
    expect(pulls()).toHaveLength(1);
    expect(github.callsTo('pulls.create')).toHaveLength(1);
    expect(github.branches(OWNER, REPO).filter((b) => b.startsWith('gavel/'))).toEqual([
      'gavel/serverless/2026-11-26',
    ]);
  });

  it('leaves one pull request when GitHub loses its answers, and when opening it failed after the branch was made', async () => {
    await start();
    await holdMeeting();
    // The branch is made, then opening the pull request fails: the job is retried.
    github.fail({ op: 'pulls.create', kind: 'status', status: 500 });
    // Then the pull request is opened but its answer lost, and the ref's answer too.
    github.fail({ op: 'git.createRef', kind: 'after-applying', then: '502' });
    await moveTo(PUBLISHED);
    github.fail({ op: 'pulls.create', kind: 'after-applying', then: 'drop' });
    for (let minutes = 1; minutes <= 30; minutes++) await moveTo(at(PUBLISHED.toISOString(), minutes));

    expect(pulls()).toHaveLength(1);
    expect(github.branches(OWNER, REPO).filter((b) => b.startsWith('gavel/'))).toEqual([
      'gavel/serverless/2026-11-26',
    ]);
    expect(github.commits(OWNER, REPO, 'gavel/serverless/2026-11-26')).toHaveLength(2);
    expect(threadTexts().filter((t) => t.includes('ready for review'))).toHaveLength(1);
    const failed = await h.db.opened.db
      .selectFrom('jobs')
      .select('key')
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
  });

  it('publishes again on a lead’s /meeting publish: an open pull request is updated, a merged one followed by an update', async () => {
    await start();
    await holdMeeting();
    expect(await say('/meeting', 'publish', MEMBER)).toContain(
      'Only a lead of CNCF Serverless WG can publish',
    );
    expect(await say('/meeting', 'publish 2026-12-03', LEAD)).toContain('has not ended yet');
    expect(await say('/meeting', 'publish tomorrow', LEAD)).toContain('Usage: `/meeting publish [date]`');
    expect(pulls()).toEqual([]);

    expect(await say('/meeting', 'publish', LEAD)).toBe(
      ':books: Publishing the Weekly call of 26 Nov 2026 to cncf/wg-serverless; the pull request (or commit) is posted in the meeting’s thread.',
    );
    await h.gavel.tick();
    expect(pulls()).toHaveLength(1);

    // A late decision, then publishing again: the same pull request gets a new commit.
    await moveTo(at(NOV26, 120));
    await say('/decision', 'Meet fortnightly from January', LEAD);
    await say('/meeting', 'publish 2026-11-26', LEAD);
    await h.gavel.tick();
    expect(pulls()).toHaveLength(1);
    const branch = 'gavel/serverless/2026-11-26';
    expect(github.commits(OWNER, REPO, branch)).toHaveLength(3);
    expect(github.fileAt(OWNER, REPO, branch, MEETING_FILE)).toContain('Meet fortnightly from January');

    // Merged by a lead; the scheduled run a day later has nothing to add.
    github.mergePull(OWNER, REPO, pulls()[0]!.number);
    await moveTo(PUBLISHED);
    expect(pulls()).toHaveLength(1);

    // Publishing again with nothing new says so; a better recording link makes an update.
    await say('/meeting', 'publish', LEAD);
    await h.gavel.tick();
    expect(pulls()).toHaveLength(1);
    expect(threadTexts().at(-1)).toContain(
      'have not changed since <https://github.com/cncf/wg-serverless/pull/',
    );
    await say('/meeting', 'recording <https://youtu.be/better> 2026-11-26', LEAD);
    await moveTo(at(PUBLISHED.toISOString(), 1));
    await say('/meeting', 'publish', LEAD);
    await h.gavel.tick();
    const [, update] = pulls();
    expect(update).toMatchObject({
      title: 'Minutes update: CNCF Serverless WG Weekly call of 26 Nov 2026',
      head: 'gavel/serverless/2026-11-26-update-1',
      state: 'open',
    });
    expect(github.fileAt(OWNER, REPO, update!.head, MEETING_FILE)).toContain(
      'recording: "https://youtu.be/better"',
    );
    expect(threadTexts().at(-1)).toContain('are ready for review');
  });

  it('commits straight to the default branch in commit mode, once', async () => {
    await start({ mode: 'commit' });
    await holdMeeting();
    await moveTo(PUBLISHED);
    expect(pulls()).toEqual([]);
    expect(github.fileAt(OWNER, REPO, 'main', MEETING_FILE)).toContain('Adopt v1.0');
    expect(github.commits(OWNER, REPO, 'main')).toHaveLength(2);
    expect(threadTexts().filter((t) => t.includes('are published'))).toEqual([
      `:books: The minutes of the CNCF Serverless WG Weekly call of 26 Nov 2026 are published: <https://github.com/${OWNER}/${REPO}/blob/main/${MEETING_FILE}|the meeting’s file>.`,
    ]);
    await say('/meeting', 'publish', LEAD);
    await h.gavel.tick();
    expect(github.commits(OWNER, REPO, 'main')).toHaveLength(2);
  });

  it('tells the leads once what to fix when the branch is protected, and does not retry', async () => {
    await start({ mode: 'commit', protectedMain: true });
    await holdMeeting();
    await moveTo(PUBLISHED);
    await moveTo(at(PUBLISHED.toISOString(), 30));
    const dms = h.slack
      .messages()
      .filter((m) => m['channel'] === LEAD && String(m['text']).includes('could not publish'));
    expect(dms).toHaveLength(1);
    expect(String(dms[0]!['text'])).toContain('GitHub answered 422');
    expect(String(dms[0]!['text'])).toContain('The default branch of cncf/wg-serverless may be protected');
    expect(github.commits(OWNER, REPO, 'main')).toHaveLength(1);
    const failed = await h.db.opened.db
      .selectFrom('jobs')
      .select('key')
      .where('status', '=', 'failed')
      .execute();
    expect(failed.map((j) => j.key)).toEqual([`archive-publish:serverless:${NOV26}`]);
  });
});
