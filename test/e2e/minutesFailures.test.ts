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
const MINUTES_YAML = `${SERVERLESS_YAML}    minutes:\n      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n`;
const minutesBefore = (iso: string, m: number) => new Date(new Date(iso).getTime() - m * 60_000);

describe.each(ENGINES)('minutes when Google fails, on %s', (engine) => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer | undefined;
  let h: GavelHarness;

  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await google?.close();
    google = undefined;
  });

  const start = async () => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addFolder(FOLDER);
    google.addDoc({ id: TEMPLATE, name: 'Template', text: 'Minutes of {{title}}\n{{agenda}}\n' });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: MINUTES_YAML,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url },
    });
    await h.gavel.tick();
  };
  const minutesJob = () =>
    h.db.opened.db
      .selectFrom('jobs')
      .selectAll()
      .where('key', '=', `minutes:serverless:${MEETING}`)
      .executeTakeFirstOrThrow();
  const dmsTo = (user: string) => h.slack.messages().filter((m) => m['channel'] === user);

  it('resumes after a crash between copy and fill without making a second doc', async () => {
    await start();
    const g = google!;
    g.fault({ op: 'files.copy', fileId: TEMPLATE, status: 500, afterApplying: true });
    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    expect(g.filesIn(FOLDER)).toHaveLength(1);
    expect(g.filesIn(FOLDER)[0]?.text).toContain('{{title}}');
    expect((await minutesJob()).status).toBe('pending');

    // The queue's first retry comes 30 s later.
    h.clock.set(minutesBefore(MEETING, 59));
    await h.gavel.tick();
    const docs = g.filesIn(FOLDER);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.text).toBe('Minutes of Weekly call\nNo agenda items yet.\n');
    expect(g.callsTo('files.copy')).toHaveLength(1);
    expect((await minutesJob()).status).toBe('done');
    expect(h.slack.messages().filter((m) => String(m['text']).startsWith(':memo: Minutes for'))).toHaveLength(
      1,
    );
  });

  it('retries a rate-limited fill with the queue’s backoff', async () => {
    await start();
    const g = google!;
    g.fault({ op: 'documents.batchUpdate', status: 429 });
    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    const failed = await minutesJob();
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toContain('429');
    h.clock.set(minutesBefore(MEETING, 59));
    await h.gavel.tick();
    expect((await minutesJob()).status).toBe('done');
    expect(g.filesIn(FOLDER)).toHaveLength(1);
  });

  it('tells each lead once, clearly, when the template is not shared, and parks the job', async () => {
    await start();
    google!.fault({
      op: 'files.copy',
      fileId: TEMPLATE,
      status: 403,
      reason: 'insufficientFilePermissions',
      times: Infinity,
    });
    h.clock.set(minutesBefore(MEETING, 60));
    await h.gavel.tick();
    const job = await minutesJob();
    expect(job.status).toBe('failed');
    expect(job.last_error).toContain('403');

    const dms = dmsTo(LEAD);
    expect(dms).toHaveLength(1);
    const text = String(dms[0]?.['text']);
    expect(text).toContain(`\`${TEMPLATE}\``);
    expect(text).toContain(`not shared with \`${key.email}\``);
    expect(text).toContain('/meeting notes');

    h.clock.set(minutesBefore(MEETING, 10));
    await h.gavel.tick();
    expect(dmsTo(LEAD)).toHaveLength(1);
    expect(google!.callsTo('files.copy')).toHaveLength(1);
    expect(JSON.stringify(h.slack.messages().at(-1)?.['blocks'])).not.toContain('Minutes>');

    // A member asking later hears about it themselves; the leads are not messaged again.
    await h.command('/meeting', 'notes', { userId: MEMBER });
    await h.gavel.tick();
    expect(dmsTo(MEMBER)).toHaveLength(1);
    expect(dmsTo(LEAD)).toHaveLength(1);
  });

  it('without Google settings plans no minutes jobs and answers that minutes are not set up', async () => {
    h = await startHarness({ engine, now: MONDAY_NOON, groupsYaml: MINUTES_YAML });
    const jobs = await h.db.opened.db
      .selectFrom('jobs')
      .select('key')
      .where('key', 'like', 'minutes%')
      .execute();
    expect(jobs).toHaveLength(0);
    const res = await h.command('/meeting', 'notes', { userId: LEAD });
    expect((res.body as { text?: string }).text).toContain('Minutes are not set up');
  });
});
