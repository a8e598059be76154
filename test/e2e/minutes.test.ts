import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, LEAD, MEMBER, SERVERLESS_YAML, startHarness } from '../support/gavelHarness.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const RUNNING_DOC = '1RunningDoc0000000000';
const TEMPLATE_TEXT = [
  '{{group}}: {{title}}',
  'Date: {{date}}, {{time}}',
  'Join: {{join_url}}',
  'Leads: {{leads}}',
  'Agenda',
  '{{agenda}}',
  'Attendees',
  'Shared To Do: What / Who / When',
  '',
].join('\n');
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);

const withMinutes = (block: string) => `${SERVERLESS_YAML}    minutes:\n${block}`;
const PER_MEETING = withMinutes(
  `      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n      create_before: 1h\n`,
);
const RUNNING = withMinutes(`      mode: running\n      doc: ${RUNNING_DOC}\n`);

interface Ack {
  text?: string;
}

describe.each(ENGINES)('meeting minutes in Google Docs on %s', (engine) => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer;
  let h: GavelHarness;

  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await google.close();
  });

  const start = async (groupsYaml: string) => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addFolder(FOLDER);
    google.addDoc({
      id: TEMPLATE,
      name: 'WG minutes template',
      text: TEMPLATE_TEXT,
      parents: ['1Templates000000000'],
    });
    google.addDoc({
      id: RUNNING_DOC,
      name: 'CNCF Serverless WG notes',
      text: 'Weekly call — Thursday 19 November 2026\nWe met.\n',
    });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url },
    });
    await h.gavel.tick();
  };
  const occurrence = () =>
    h.db.opened.db
      .selectFrom('occurrences')
      .selectAll()
      .where('group_id', '=', 'serverless')
      .where('starts_at', '=', MEETING)
      .executeTakeFirstOrThrow();
  const posted = (prefix: string) => h.slack.messages().filter((m) => String(m['text']).startsWith(prefix));
  const notes = async (userId: string) =>
    ((await h.command('/meeting', 'notes', { userId })).body as Ack).text ?? '';

  it('creates the doc at the lead time, fills it with the agenda, and links it in the channel and the next reminder', async () => {
    await start(PER_MEETING);
    expect((await h.command('/agenda', 'add Discuss CloudEvents 2.0', { userId: MEMBER })).status).toBe(200);

    h.clock.set(minutesBefore(MEETING, 61));
    await h.gavel.tick();
    expect(google.callsTo('files.copy')).toHaveLength(0);
    expect(await notes(MEMBER)).toContain('will be created');

    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    const [doc, ...others] = google.filesIn(FOLDER);
    expect(others).toHaveLength(0);
    expect(doc?.name).toBe('CNCF Serverless WG — 2026-11-26');
    expect(doc?.text).toContain(
      'CNCF Serverless WG: Weekly call\nDate: Thursday 26 November 2026, 09:00 PST (17:00 UTC)',
    );
    expect(doc?.text).toContain('Join: https://zoom.us/j/123456789');
    expect(doc?.text).toMatch(/Agenda\n1\. Discuss CloudEvents 2\.0 \((Alice|@U0MEMBER1)\)\n/);
    expect(doc?.text).not.toContain('{{');
    expect(google.callsTo('files.list')[0]?.query['q']).toContain(`'${FOLDER}' in parents`);

    const stored = await occurrence();
    expect(stored.minutes_doc_id).toBe(doc?.id);
    const url = stored.minutes_url!;
    expect(url).toContain(doc!.id);
    const announced = posted(':memo: Minutes for');
    expect(announced).toHaveLength(1);
    expect(String(announced[0]?.['text'])).toBe(
      `:memo: Minutes for *Weekly call* on Thu 26 Nov 2026: <${url}|CNCF Serverless WG — 2026-11-26>`,
    );

    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    const reminder = posted('Reminder:').at(-1);
    expect(JSON.stringify(reminder?.['blocks'])).toContain(`<${url}|Minutes>`);
    expect(await notes(MEMBER)).toContain(url);
    expect(google.callsTo('files.copy')).toHaveLength(1);
  });

  it('lets a lead create the doc early with /meeting notes, without a second doc when its time comes', async () => {
    await start(PER_MEETING);
    expect(await notes(LEAD)).toContain('Creating the minutes for *Weekly call* on Thu 26 Nov 2026 now');
    await h.gavel.tick();
    expect(google.filesIn(FOLDER)).toHaveLength(1);
    const { minutes_url: url } = await occurrence();
    expect(posted(':memo: Minutes for')).toHaveLength(1);
    expect(await notes(MEMBER)).toContain(url!);

    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    expect(google.filesIn(FOLDER)).toHaveLength(1);
    expect(google.callsTo('files.copy')).toHaveLength(1);
    expect(posted(':memo: Minutes for')).toHaveLength(1);
  });

  it('in running mode inserts the meeting’s section at the top of the doc, once, even when the answer was lost', async () => {
    await start(RUNNING);
    await h.command('/agenda', 'add Discuss CloudEvents 2.0', { userId: MEMBER });
    // The insert lands but its answer is lost: the retry must find the heading, not insert again.
    google.fault({ op: 'documents.batchUpdate', fileId: RUNNING_DOC, status: 503, afterApplying: true });
    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    expect((await occurrence()).minutes_doc_id).toBeNull();
    h.clock.set(minutesBefore(MEETING, 59));
    await h.gavel.tick();

    const text = google.file(RUNNING_DOC)!.text;
    const heading = 'Weekly call — Thursday 26 November 2026';
    expect(text.startsWith(`${heading}\nThursday 26 November 2026, 09:00 PST (17:00 UTC)\n`)).toBe(true);
    expect(text.split('\n').filter((l) => l === heading)).toHaveLength(1);
    expect(text).toMatch(/Agenda\n1\. Discuss CloudEvents 2\.0 \(/);
    expect(text.endsWith('Weekly call — Thursday 19 November 2026\nWe met.\n')).toBe(true);
    expect(google.callsTo('documents.batchUpdate')).toHaveLength(1);
    const stored = await occurrence();
    expect(stored.minutes_doc_id).toBe(RUNNING_DOC);
    expect(posted(':memo: Minutes for')).toHaveLength(1);
    expect(String(posted(':memo: Minutes for')[0]?.['text'])).toContain(`|${heading}>`);
  });
});
