import { describe, expect, it } from 'vitest';
import { REMINDER_ACTIONS } from '../../src/core/reminder/reminderMessage.js';
import { itemMarker } from '../../src/core/todo/issueDraft.js';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';
import {
  metadataKeyOf,
  type SlackApiServer,
  startSlackApiServer,
} from '../../src/standins/slackApiServer.js';
import { decisionMarker } from '../../src/core/record/recordReplies.js';
import { decisionAnnounceKey, meetingStartKey, wrapUpKey } from '../../src/core/record/recordJobs.js';
import { sendSlashCommand } from '../../src/standins/slackRequests.js';
import { meetingKey } from '../../src/core/meeting/meetingKey.js';
import { decisionId } from '../../src/core/model/meetingRecord.js';
import { type Engine, ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  BOT_TOKEN,
  FAKE_START,
  GITHUB_OWNER,
  GITHUB_TOKEN,
  GROUPS,
  GROUPS_YAML,
  MEETINGS_PER_GROUP,
  MEMBER,
  REMINDER_LEADS,
  SIGNING_SECRET,
  LEAD,
  SLACK_USERS,
  SPEC_OWNER,
  SPEC_REPO,
  TEMPLATE,
  TEMPLATE_TEXT,
} from './support/crashFixture.js';
import { childEnv } from './support/childEnv.js';
import { childOutput, type GavelProcess, startGavelProcess } from './support/gavelProcess.js';
import { seededRandom } from './support/seededRandom.js';

/**
 * Issue 7, crash: the real app as a child process, SIGKILLed at random moments while
 * reminders, minutes docs, GitHub issues, meeting threads and decisions' write-backs are being
 * made, restarted each time on the same database. The stand-in servers live in this process, so they outlast every child and hold
 * the record of what was posted and created.
 */

/** Kill points per engine (issue 7 asks for at least 20); a child takes 1–2 s to start here. */
const KILL_POINTS = 21;
/**
 * Every third kill lands in the narrowest window there is: the remote side has made the
 * change (Slack took the reminder or posted the wrap-up, Drive copied the doc, GitHub opened
 * the issue or took the decision's comment) and the app has not heard back. Random moments
 * would almost never hit it. The issue trap comes first, while the action items asked for in
 * the first kill points are being opened; the decision trap keeps asking for a decision until
 * a meeting's window takes one.
 */
const TRAP_EVERY = 3;
const TRAPS = ['github issue', 'decision comment', 'wrap-up post', 'minutes doc', 'slack reminder'] as const;
type Trap = (typeof TRAPS)[number];

/** The next answer of the trap's call waits for `before` (undefined disarms it). */
function arm(run: StandIns, trap: Trap, before: (() => Promise<void>) | undefined): void {
  if (trap === 'github issue') run.github.beforeAnswer('issues.create', before);
  else if (trap === 'minutes doc') run.google.beforeAnswer('files.copy', before);
  else if (trap === 'slack reminder') run.slack.beforeAnswer('chat.scheduleMessage', before);
  else if (trap === 'decision comment') run.github.beforeAnswer('issues.createComment', before);
  else {
    run.slack.beforeAnswer(
      'chat.postMessage',
      before,
      (args) => metadataKeyOf(args)?.startsWith('wrap-up:') ?? false,
    );
  }
}
/** A trap not sprung by then fails the test below: long enough for a slow, loaded machine. */
const TRAP_WAIT_MS = 10_000;
/** Action items are asked for during the first kill points; GitHub paces issue creation 3 s apart. */
const TODO_KILL_POINTS = 4;
const AGENDA_KILL_POINTS = 7;
/** How often a decision trap retries `/decision` until a meeting's window takes it. */
const DECISION_RETRY_MS = 25;
/** The real time a child lives before its SIGKILL: the randomness of where it dies. */
const MIN_LIFE_MS = 50;
const MAX_LIFE_MS = 400;
/** Past the last meeting (29 January) and its rollover. */
const SCHEDULE_END = '2026-01-31T00:00:00.000Z';
const STARTUP_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 40_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once the child's clock has passed the last meeting, or it is no longer alive. */
async function scheduleOver(child: GavelProcess, alive: () => boolean): Promise<void> {
  while (alive() && child.lastNow() < SCHEDULE_END) await sleep(100);
}

describe('a crash at random moments', () => {
  for (const engine of ENGINES) {
    it(`on ${engine}: every reminder, start post and wrap-up is posted once, one doc is made per meeting, one issue per action item and one comment per decision, and nothing acknowledged is lost`, async () => {
      const run = await crashStandIns(engine);
      try {
        await crashRun(engine, run);
      } finally {
        await run.close();
      }
    }, 240_000);
  }
});

interface StandIns {
  readonly slack: SlackApiServer;
  readonly github: GithubApiServer;
  readonly google: GoogleApiServer;
  readonly key: ServiceAccountKey;
  readonly db: TestDatabase;
  running: GavelProcess | undefined;
  /** The child started last, alive or not: its fake clock is Slack's. */
  latest: GavelProcess | undefined;
  close(): Promise<void>;
}

async function crashStandIns(engine: Engine): Promise<StandIns> {
  // Slack posts scheduled reminders by the children's fake clock: the latest child's.
  const fakeNow = () => new Date(run.latest?.lastNow() ?? FAKE_START);
  const slack = await startSlackApiServer({
    token: BOT_TOKEN,
    now: fakeNow,
    channels: GROUPS.map((g) => ({ id: g.channelId, name: g.id })),
    users: SLACK_USERS,
  });
  const github = await startGithubApiServer({ tokens: [GITHUB_TOKEN] });
  const key = makeServiceAccountKey();
  const google = await startGoogleApiServer({ serviceAccounts: [key] });
  google.addDoc({ id: TEMPLATE, name: 'Crash WG template', text: TEMPLATE_TEXT });
  for (const g of GROUPS) google.addFolder(g.folderId);
  const db = await freshDatabase(engine);
  const run: StandIns = {
    slack,
    github,
    google,
    key,
    db,
    running: undefined,
    latest: undefined,
    async close() {
      await run.running?.kill();
      await Promise.all([slack.close(), github.close(), google.close()]);
      await db.dispose();
    },
  };
  return run;
}

async function crashRun(engine: Engine, run: StandIns): Promise<void> {
  const seed = Number(process.env['GAVEL_CRASH_SEED'] ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const context = () =>
    `seed ${seed} (GAVEL_CRASH_SEED); last child output:\n${childOutput.slice(-40).join('\n')}`;

  const { slack, github, google, key, db } = run;
  github.addIssue({ owner: SPEC_OWNER, repo: SPEC_REPO, title: 'The spec issue decisions name' });
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
      {
        GITHUB_TOKEN,
        GITHUB_API_URL: github.url,
        GOOGLE_CREDENTIALS_JSON: key.json,
        GOOGLE_API_URL: google.url,
        // Half-hour steps: the run crosses weeks of meetings.
        GAVEL_FAKE_STEP_MINUTES: '30',
      },
    );

  const ackedTodos: string[] = [];
  const ackedTopics: string[] = [];
  const ackedDecisions: string[] = [];
  let sent = 0;
  const command = async (
    url: string,
    name: '/todo' | '/agenda' | '/decision',
    text: string,
    channelId: string,
    userId = MEMBER,
  ) => {
    const answer = await sendSlashCommand(url, SIGNING_SECRET, {
      command: name,
      text,
      userId,
      channelId,
      responseUrl: slack.responseUrl(),
      triggerId: `trigger-${(sent += 1)}`,
    });
    return answer;
  };
  /** A /todo is acknowledged by an empty 200 (its answer comes later); an error says why in the ack. */
  const todo = async (url: string, n: number) => {
    const text = `crash item ${engine} ${n}`;
    const answer = await command(url, '/todo', `<@${MEMBER}> ${text}`, GROUPS[n % GROUPS.length]!.channelId);
    if (answer.status === 200 && !answer.body) ackedTodos.push(text);
  };
  const agenda = async (url: string, n: number) => {
    const topic = `crash topic ${engine} ${n}`;
    const answer = await command(url, '/agenda', `add ${topic}`, GROUPS[n % GROUPS.length]!.channelId);
    if (answer.status === 200 && JSON.stringify(answer.body).includes('added #')) ackedTopics.push(topic);
  };

  /**
   * A group whose meeting's decision window (its start to a day after its end) is open at the
   * child's clock, with hours to spare: the clock runs on while the command travels.
   */
  const opened = db.opened.db;
  const groupInSession = async (now: string) => {
    const meeting = await opened
      .selectFrom('occurrences')
      .select('group_id')
      .where('status', '=', 'scheduled')
      .where('starts_at', '<=', now)
      .where('ends_at', '>', new Date(Date.parse(now) - 20 * 60 * 60_000).toISOString())
      .orderBy('starts_at', 'desc')
      .executeTakeFirst();
    return GROUPS.find((g) => g.id === meeting?.group_id);
  };
  /** The lead's `/decision`, acknowledged with "recorded for" in the ack; true when it was. */
  const decide = async (child: GavelProcess, n: number, withReference: boolean) => {
    const group = await groupInSession(child.lastNow());
    if (!group) return false;
    const text = `crash decision ${engine} ${n}${withReference ? ` ${SPEC_OWNER}/${SPEC_REPO}#1` : ''}`;
    const answer = await command(child.url, '/decision', text, group.channelId, LEAD);
    const taken = answer.status === 200 && JSON.stringify(answer.body).includes('recorded for');
    if (taken) ackedDecisions.push(text);
    return taken;
  };
  /** For the decision trap: until one naming an issue is taken (its comment springs the trap). */
  const decideUntilTaken = async (child: GavelProcess, alive: () => boolean) => {
    while (alive() && !(await decide(child, (asked += 1), true))) await sleep(DECISION_RETRY_MS);
  };

  // Kill, restart, kill: each child resumes the fake clock where the last one reported it.
  let fakeNow = FAKE_START;
  let asked = 0;
  const trapsSprung = Object.fromEntries(TRAPS.map((t) => [t, 0])) as Record<Trap, number>;
  for (let point = 0; point < KILL_POINTS; point++) {
    const child = await startGavelProcess(env(fakeNow), STARTUP_TIMEOUT_MS);
    run.running = run.latest = child;
    const life = MIN_LIFE_MS + random() * (MAX_LIFE_MS - MIN_LIFE_MS);
    const url = child.url;
    const requests: Promise<void>[] = [];
    const at = (ms: number, send: () => Promise<void>) =>
      requests.push(
        sleep(ms)
          .then(send)
          .catch(() => undefined),
      ); // a request the kill cut off was never acknowledged
    if (point < TODO_KILL_POINTS) at(random() * life, () => todo(url, (asked += 1)));
    if (point < AGENDA_KILL_POINTS) at(random() * life, () => agenda(url, (asked += 1)));
    const trap =
      point % TRAP_EVERY === TRAP_EVERY - 1
        ? TRAPS[((point - TRAP_EVERY + 1) / TRAP_EVERY) % TRAPS.length]
        : undefined;
    let alive = true;
    if (trap === 'decision comment') at(0, () => decideUntilTaken(child, () => alive));
    else {
      const withReference = random() < 0.5;
      at(random() * life, async () => {
        await decide(child, (asked += 1), withReference);
      });
    }
    if (trap) {
      const sprung = new Promise<void>((resolve) =>
        arm(run, trap, async () => {
          await run.running?.kill();
          trapsSprung[trap] += 1;
          resolve();
        }),
      );
      // Past the last meeting nothing can spring it any more.
      await Promise.race([sprung, sleep(TRAP_WAIT_MS), scheduleOver(child, () => alive)]);
      arm(run, trap, undefined);
    } else await sleep(life);
    alive = false;
    await child.kill();
    await Promise.all(requests);
    fakeNow = child.lastNow();
    run.running = undefined;
  }

  // Each window was hit at least once: a kill after the change was made, before the app heard.
  for (const trap of TRAPS) expect(trapsSprung[trap], `${trap} kills; ${context()}`).toBeGreaterThan(0);

  // The last child runs until everything due is done, then stops gracefully.
  const last = await startGavelProcess(env(fakeNow), STARTUP_TIMEOUT_MS);
  run.running = run.latest = last;
  await todo(last.url, (asked += 1));
  await agenda(last.url, (asked += 1));
  const unsettled = async () =>
    (
      await opened.selectFrom('jobs').select('key').where('status', 'in', ['pending', 'running']).execute()
    ).map((j) => j.key);
  const drainedBy = Date.now() + DRAIN_TIMEOUT_MS;
  let left = await unsettled();
  while ((last.lastNow() < SCHEDULE_END || left.length > 0) && Date.now() < drainedBy) {
    await sleep(200);
    left = await unsettled();
  }
  expect(left, `jobs still unsettled at ${last.lastNow()}; ${context()}`).toEqual([]);
  expect(await last.terminate(15_000), 'graceful stop on SIGTERM').toEqual({
    code: 0,
    stoppedCleanly: true,
  });
  run.running = undefined;

  const failed = await opened
    .selectFrom('jobs')
    .select(['key', 'last_error'])
    .where('status', '=', 'failed')
    .execute();
  expect(failed, context()).toEqual([]);

  // Every reminder exactly once: each meeting gets one post per lead time.
  const occurrences = await opened
    .selectFrom('occurrences')
    .selectAll()
    .where('status', '=', 'scheduled')
    .execute();
  expect(occurrences).toHaveLength(GROUPS.length * MEETINGS_PER_GROUP);
  const reminders = new Map<string, number>();
  for (const message of slack.messages()) {
    const key = reminderMeeting(message);
    if (key) reminders.set(key, (reminders.get(key) ?? 0) + 1);
  }
  const channelOf = new Map(GROUPS.map((g) => [g.id, g.channelId]));
  const expected = new Map(
    occurrences.map((o) => [
      `${channelOf.get(o.group_id)} ${meetingKey(o.group_id, o.starts_at)}`,
      REMINDER_LEADS.length,
    ]),
  );
  expect(Object.fromEntries(reminders), `reminders per meeting; ${context()}`).toEqual(
    Object.fromEntries(expected),
  );

  // One minutes doc per meeting, and it is the one the meeting links.
  for (const g of GROUPS) {
    const docs = google.filesIn(g.folderId);
    const mine = occurrences.filter((o) => o.group_id === g.id);
    expect(docs.map((d) => d.name).sort(), `docs of ${g.id}; ${context()}`).toEqual(
      [...new Set(docs.map((d) => d.name))].sort(),
    );
    expect(docs).toHaveLength(mine.length);
    expect(mine.map((o) => o.minutes_doc_id).sort()).toEqual(docs.map((d) => d.id).sort());
  }

  // Nothing acknowledged is lost, and every action item has exactly one issue.
  const items = await opened.selectFrom('action_items').selectAll().execute();
  const topics = await opened.selectFrom('agenda_items').select('topic').execute();
  expect(ackedTodos.length).toBeGreaterThan(0);
  expect(ackedTopics.length).toBeGreaterThan(0);
  expect(items.map((i) => i.text)).toEqual(expect.arrayContaining(ackedTodos));
  expect(topics.map((t) => t.topic)).toEqual(expect.arrayContaining(ackedTopics));
  const issues = github.issues(GITHUB_OWNER);
  for (const item of items) {
    const marked = issues.filter((i) => i.body.includes(itemMarker(item.id)));
    expect(
      marked.map((i) => `${i.repo}#${i.number}`),
      `issues of item ${item.id} (its jobs: ${JSON.stringify(
        await opened
          .selectFrom('jobs')
          .select(['key', 'status'])
          .where('key', 'like', `%:${item.id}%`)
          .execute(),
      )}); ${context()}`,
    ).toEqual([`${GROUPS.find((g) => g.id === item.group_id)!.repo}#${item.github_issue_number}`]);
  }
  expect(issues).toHaveLength(items.length);

  // The meeting record: each meeting has one start post, and one wrap-up in its thread.
  const messages = slack.messages();
  const postsKeyed = (key: string) => messages.filter((m) => metadataKeyOf(m) === key);
  const startTs = new Map<string, unknown>();
  for (const o of occurrences) {
    const starts = postsKeyed(meetingStartKey(o.group_id, o.starts_at));
    expect(starts, `start posts of ${o.group_id} ${o.starts_at}; ${context()}`).toHaveLength(1);
    expect(starts[0]!['thread_ts']).toBeUndefined();
    startTs.set(`${o.group_id} ${o.starts_at}`, starts[0]!['ts']);
    const wrapUps = postsKeyed(wrapUpKey(o.group_id, o.starts_at));
    expect(
      wrapUps.map((m) => m['thread_ts']),
      `wrap-ups of ${o.group_id} ${o.starts_at}; ${context()}`,
    ).toEqual([starts[0]!['ts']]);
  }

  // Every decision acknowledged is recorded, announced once in its meeting's thread, written
  // once into its minutes doc, and commented once on the issue it names.
  const decisions = await opened.selectFrom('decisions').selectAll().execute();
  expect(ackedDecisions.length).toBeGreaterThan(0);
  expect(decisions.map((d) => d.text)).toEqual(expect.arrayContaining(ackedDecisions));
  const comments = github.comments(SPEC_OWNER, SPEC_REPO, 1);
  for (const d of decisions) {
    const what = `decision ${d.id} (${d.text}); ${context()}`;
    expect(
      postsKeyed(decisionAnnounceKey(decisionId(d.id))).map((m) => m['thread_ts']),
      `announcement of ${what}`,
    ).toEqual([startTs.get(`${d.group_id} ${d.meeting_starts_at}`)]);
    expect(
      comments.filter((c) => c.body.includes(decisionMarker(d.id))),
      `comments on ${what}`,
    ).toHaveLength(d.ref_number === null ? 0 : 1);
    const docId = occurrences.find(
      (o) => o.group_id === d.group_id && o.starts_at === d.meeting_starts_at,
    )?.minutes_doc_id;
    const lines = google.file(docId ?? '')?.text.split('\n') ?? [];
    expect(
      lines.filter((l) => l === `Decision #${d.number}: ${d.text}`),
      `minutes of ${what}`,
    ).toHaveLength(1);
  }
  expect(comments).toHaveLength(decisions.filter((d) => d.ref_number !== null).length);
}

/** A reminder is the message with the "Add agenda item" button; its value names the meeting. */
function reminderMeeting(message: Record<string, unknown>): string | undefined {
  const blocks = Array.isArray(message['blocks']) ? (message['blocks'] as Record<string, unknown>[]) : [];
  for (const block of blocks) {
    const elements = Array.isArray(block['elements']) ? (block['elements'] as Record<string, unknown>[]) : [];
    const button = elements.find((e) => e['action_id'] === REMINDER_ACTIONS.addAgendaItem);
    if (button && message['thread_ts'] === undefined)
      return `${String(message['channel'])} ${String(button['value'])}`;
  }
  return undefined;
}
