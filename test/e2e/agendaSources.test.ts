import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AGENDA_MODAL } from '../../src/core/agenda/agendaModal.js';
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
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';

/**
 * Issue 19, parts 2–4: standing items head every agenda, GitHub counts are refreshed for each
 * reminder and the minutes doc, items carry timeboxes, and leads set the order of discussion,
 * all through the real app on both engines.
 */

// Thursday 26 Nov 2026, 09:00–10:00 America/Los_Angeles (PST) = 17:00–18:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const REVIEW_QUERY = 'is:pr is:open label:needs-review repo:cloudevents/spec';
const REFUSED_QUERY = 'is:issue repo:cloudevents/nonexistent';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

const agendaYaml = (counts: readonly string[] = []) =>
  `${SERVERLESS_YAML}    agenda:
      standing: ['Open action items', 'Community news <!channel>']
${counts.length > 0 ? `      counts:\n${counts.map((c) => `        - ${c}\n`).join('')}` : ''}`;
const REVIEW_COUNT = `{ title: PRs waiting for review, query: "${REVIEW_QUERY}" }`;
const REFUSED_COUNT = `{ title: Issues nobody can see, query: "${REFUSED_QUERY}" }`;

interface Ack {
  response_type?: string;
  text?: string;
}

describe.each(ENGINES)('agenda sources, timeboxes and order on %s', (engine) => {
  let h: GavelHarness;
  let github: GithubApiServer | undefined;
  let google: GoogleApiServer | undefined;
  let key: ServiceAccountKey;
  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await github?.close();
    await google?.close();
    github = undefined;
    google = undefined;
  });

  const start = async (groupsYaml: string, env: Record<string, string> = {}) => {
    // GitHub's retries (a 503 is retried by the client) waited out in milliseconds.
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml, env, retryBaseMs: 1 });
    await h.gavel.tick();
  };
  const startWithGithub = async (groupsYaml: string) => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    await start(groupsYaml, { GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN });
  };
  const agenda = async (text: string, userId = MEMBER): Promise<Ack> => {
    const res = await h.command('/agenda', text, { userId });
    expect(res.status).toBe(200);
    return res.body as Ack;
  };
  const stored = () =>
    h.db.opened.db
      .selectFrom('agenda_items')
      .select(['number', 'topic', 'timebox_minutes', 'position'])
      .where('meeting_starts_at', '=', MEETING)
      .orderBy('number')
      .execute();
  const reminders = () =>
    h.slack
      .messages()
      .filter((m) => String(m['text']).startsWith('Reminder:'))
      .map((m) => JSON.stringify(m['blocks']));
  /** The reminder's agenda section, as its mrkdwn. */
  const agendaOf = (blocks: string) => {
    const parsed = JSON.parse(blocks) as { text?: { text?: string } }[];
    return parsed.map((b) => b.text?.text ?? '').find((t) => t.startsWith('*Agenda*')) ?? '';
  };
  const moveTo = async (when: Date) => {
    h.clock.set(when);
    await h.gavel.tick();
  };
  const addPr = (labels: string[]) =>
    github!.addIssue({ owner: 'cloudevents', repo: 'spec', pullRequest: true, labels });

  it('heads the list and the reminder with the standing items, then the items with their timeboxes and total', async () => {
    await start(agendaYaml());
    expect((await agenda('add Release plan for 45m')).text).toBe(
      '<@U0MEMBER1> added #1 to the agenda of Thu 26 Nov: Release plan (45 min)',
    );
    await agenda('add Plan for Q3', OTHER_MEMBER);
    await agenda('add Spec review for 30m');

    const list = (await agenda('list')).text ?? '';
    expect(list.split('\n').slice(1)).toEqual([
      '• Open action items _(standing)_',
      '• Community news &lt;!channel&gt; _(standing)_',
      '1. Release plan (45 min) — <@U0MEMBER1>',
      '2. Plan for Q3 — <@U0MEMBER2>',
      '3. Spec review (30 min) — <@U0MEMBER1>',
      '_Agenda: 75 min for a 60 min meeting, 15 min over (1 item without a timebox)_',
    ]);
    expect((await stored()).map((i) => i.timebox_minutes)).toEqual([45, null, 30]);

    await moveTo(at(MEETING, -24 * 60));
    const [first] = reminders();
    expect(agendaOf(first!).split('\n')).toEqual([
      '*Agenda*',
      '• Open action items',
      '• Community news &lt;!channel&gt;',
      '_Agenda: 75 min for a 60 min meeting, 15 min over (1 item without a timebox)_',
      '1. Release plan (45 min) _(<@U0MEMBER1>)_',
      '2. Plan for Q3 _(<@U0MEMBER2>)_',
      '3. Spec review (30 min) _(<@U0MEMBER1>)_',
    ]);
  });

  it('takes a timebox from the form, and answers a bad one on its own field, storing nothing', async () => {
    await start(agendaYaml());
    const submit = (timebox: string) =>
      h.interact({
        type: 'view_submission',
        team: { id: 'T0GAVEL', domain: 'gavel' },
        user: { id: MEMBER, username: MEMBER, team_id: 'T0GAVEL' },
        api_app_id: 'A0GAVEL',
        token: 'legacy-token',
        trigger_id: 'trigger-submit',
        view: {
          id: 'V0AGENDA',
          type: 'modal',
          team_id: 'T0GAVEL',
          app_id: 'A0GAVEL',
          bot_id: 'B0GAVEL',
          callback_id: AGENDA_MODAL.callbackId,
          private_metadata: JSON.stringify({ groupId: 'serverless', channelId: 'C0SERVERLESS' }),
          hash: 'h',
          state: {
            values: {
              [AGENDA_MODAL.topicBlock]: {
                [AGENDA_MODAL.topicAction]: { type: 'plain_text_input', value: 'Release plan' },
              },
              [AGENDA_MODAL.detailsBlock]: {
                [AGENDA_MODAL.detailsAction]: { type: 'plain_text_input', value: null },
              },
              [AGENDA_MODAL.timeboxBlock]: {
                [AGENDA_MODAL.timeboxAction]: { type: 'plain_text_input', value: timebox },
              },
              [AGENDA_MODAL.meetingBlock]: {
                [AGENDA_MODAL.meetingAction]: {
                  type: 'static_select',
                  selected_option: { text: { type: 'plain_text', text: 'x' }, value: MEETING },
                },
              },
            },
          },
        },
      });
    const refused = await submit('soon');
    expect(refused.body).toEqual({
      response_action: 'errors',
      errors: { [AGENDA_MODAL.timeboxBlock]: 'Write a duration like 15m, 1h or 90m.' },
    });
    expect(await stored()).toEqual([]);
    expect((await submit('20')).status).toBe(200);
    expect(await stored()).toEqual([
      { number: 1, topic: 'Release plan', timebox_minutes: 20, position: null },
    ]);
    await vi.waitFor(() =>
      expect(h.slack.messages().map((m) => m['text'])).toContain(
        '<@U0MEMBER1> added #1 to the agenda of Thu 26 Nov: Release plan (20 min)',
      ),
    );
  });

  it('lets a lead reorder with move top/up/down and order, followed by the list and the reminder', async () => {
    await start(agendaYaml());
    for (const topic of ['First', 'Second', 'Third', 'Fourth']) await agenda(`add ${topic}`);

    const refused = await agenda('move 3 top');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Only a lead (<@U0LEAD001>) can change the order of the agenda');

    expect(await agenda('move 3 top', LEAD)).toEqual({
      response_type: 'in_channel',
      text: '<@U0LEAD001> moved #3 to the top on the agenda of Thu 26 Nov:\n3. Third\n1. First\n2. Second\n4. Fourth',
    });
    expect((await agenda('move 2 up', LEAD)).text).toContain('\n3. Third\n2. Second\n1. First\n4. Fourth');
    expect((await agenda('move 3 down', LEAD)).text).toContain('\n2. Second\n3. Third\n1. First\n4. Fourth');
    await agenda('done 1', LEAD);
    expect((await agenda('order 4 3 2', LEAD)).text).toBe(
      '<@U0LEAD001> reordered the agenda of Thu 26 Nov:\n4. Fourth\n3. Third\n2. Second',
    );
    // Numbers stay with their items; a new item comes last.
    await agenda('add Fifth');
    const list = (await agenda('list')).text ?? '';
    expect(list.split('\n').slice(3)).toEqual([
      '4. Fourth — <@U0MEMBER1>',
      '3. Third — <@U0MEMBER1>',
      // A covered item keeps its place; only the items still to discuss were reordered.
      '1. :white_check_mark: First — <@U0MEMBER1> _(covered)_',
      '2. Second — <@U0MEMBER1>',
      '5. Fifth — <@U0MEMBER1>',
    ]);

    await moveTo(at(MEETING, -24 * 60));
    expect(agendaOf(reminders()[0]!)).toMatch(/4\. Fourth.*\n3\. Third.*\n2\. Second.*\n5\. Fifth/);
  });

  it('answers a wrong order, a bad timebox and a bad move with an ephemeral error and stores nothing', async () => {
    await start(agendaYaml());
    await agenda('add First');
    await agenda('add Second');
    const before = await stored();
    const answers = [
      await agenda('order 2 2', LEAD),
      await agenda('order 2', LEAD),
      await agenda('order 2 1 7', LEAD),
      await agenda('order 2 x', LEAD),
      await agenda('move 2 sideways', LEAD),
      await agenda('move 1 up', LEAD),
      await agenda('add Too long for 5h'),
      await agenda('add for 15m'),
    ];
    expect(answers.map((a) => a.response_type)).toEqual(Array(answers.length).fill('ephemeral'));
    expect(answers.map((a) => a.text)).toEqual([
      ':warning: #2 is named twice. In their current order the items still to discuss are 1 2.',
      ':warning: Name every item still to discuss, in the new order: #1 is missing. In their current order the items still to discuss are 1 2.',
      ':warning: There is no item #7 on this agenda. See `/agenda list`. In their current order the items still to discuss are 1 2.',
      expect.stringContaining('`x` is not an item number'),
      expect.stringContaining('`sideways` is neither a date nor top, up, down or bottom'),
      ':warning: That is the order the agenda of Thu 26 Nov already has.',
      expect.stringContaining('A timebox is 1 to 240 minutes (4h); 300 min is too long.'),
      expect.stringContaining('Say what the topic is'),
    ]);
    expect(await stored()).toEqual(before);

    const help = (await agenda('help')).text ?? '';
    for (const usage of [
      '`/agenda add Release plan for 15m`',
      '`/agenda move <n> top|up|down|bottom`',
      '`/agenda order 3 1 2`',
    ])
      expect(help).toContain(usage);
  });

  it('shows each count in the reminder with a link to the search, refreshed for every reminder', async () => {
    await startWithGithub(agendaYaml([REVIEW_COUNT]));
    for (let i = 0; i < 7; i++) addPr(['needs-review']);
    addPr([]);
    github!.addIssue({ owner: 'cloudevents', repo: 'spec', labels: ['needs-review'] });

    await moveTo(at(MEETING, -24 * 60 - 5));
    expect(github!.callsTo('search.issues').map((c) => c.query['q'])).toEqual([REVIEW_QUERY]);
    await moveTo(at(MEETING, -24 * 60));
    const link = `https://github.com/search?q=${encodeURIComponent(REVIEW_QUERY)}&amp;type=pullrequests`;
    expect(agendaOf(reminders()[0]!)).toContain(`• <${link}|PRs waiting for review>: 7`);
    // The link's query is the one counted: GitHub's search finds the same 7.
    const q = new URL(link.replace(/&amp;/g, '&')).searchParams.get('q')!;
    const search = await fetch(`${github!.url}/search/issues?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(((await search.json()) as { total_count: number }).total_count).toBe(7);

    addPr(['needs-review']);
    await moveTo(at(MEETING, -10 - 5));
    await moveTo(at(MEETING, -10));
    expect(reminders()).toHaveLength(2);
    expect(agendaOf(reminders()[1]!)).toContain('|PRs waiting for review>: 8');
  });

  it('says a refused count is unavailable, keeps the last known total when GitHub is down, and posts the reminder all the same', async () => {
    await startWithGithub(agendaYaml([REVIEW_COUNT, REFUSED_COUNT]));
    github!.refuseSearch(REFUSED_QUERY);
    addPr(['needs-review']);
    await moveTo(at(MEETING, -24 * 60 - 5));
    await moveTo(at(MEETING, -24 * 60));
    const first = agendaOf(reminders()[0]!);
    expect(first).toContain('|PRs waiting for review>: 1');
    expect(first).toContain('|Issues nobody can see>: _GitHub refused the query_');

    github!.fail({ op: 'search.issues', kind: 'status', status: 503, times: 20 });
    await moveTo(at(MEETING, -15));
    await moveTo(at(MEETING, -10));
    expect(reminders()).toHaveLength(2);
    expect(agendaOf(reminders()[1]!)).toContain(
      '|PRs waiting for review>: 1 _(last known: GitHub did not answer)_',
    );
    const jobs = await h.db.opened.db
      .selectFrom('jobs')
      .select(['key', 'status'])
      .where('key', 'like', 'agenda-counts:%')
      .orderBy('run_at')
      .execute();
    expect(jobs.slice(0, 2).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('writes the standing items, counts, timeboxes, total and order into the minutes doc', async () => {
    github = await startGithubApiServer({ tokens: [TOKEN] });
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addFolder(FOLDER);
    google.addDoc({
      id: TEMPLATE,
      name: 'Template',
      text: 'Agenda\n{{agenda}}\nAttendees\n',
      parents: ['1Templates0000000'],
    });
    const yaml = `${agendaYaml([REVIEW_COUNT])}    minutes:\n      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n      create_before: 1h\n`;
    await start(yaml, {
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: TOKEN,
      GOOGLE_CREDENTIALS_JSON: key.json,
      GOOGLE_API_URL: google.url,
    });
    addPr(['needs-review']);
    addPr(['needs-review']);
    await agenda('add Release plan for 15m');
    await agenda('add Spec review');
    await agenda('move 2 top', LEAD);

    await moveTo(at(MEETING, -65));
    await moveTo(at(MEETING, -60));
    const doc = google.file(google.filesIn(FOLDER)[0]!.id)!.text;
    const url = `https://github.com/search?q=${encodeURIComponent(REVIEW_QUERY)}&type=pullrequests`;
    expect(doc).toContain(
      [
        'Agenda',
        '• Open action items',
        '• Community news <!channel>',
        `• PRs waiting for review: 2 (${url})`,
        '• Agenda: 15 min for a 60 min meeting (1 item without a timebox) (when this doc was made)',
        '2. Spec review (Alice)',
        '1. Release plan (15 min) (Alice)',
        'Attendees',
      ].join('\n'),
    );
    // An item added later goes after them all, once.
    await agenda('add Late topic for 5m');
    await h.gavel.tick();
    expect(google.file(google.filesIn(FOLDER)[0]!.id)!.text).toContain(
      '1. Release plan (15 min) (Alice)\n3. Late topic (5 min) (Alice)\nAttendees',
    );
  });
});
