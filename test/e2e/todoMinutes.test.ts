import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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

// The weekly call: Thursday 26 Nov 2026, 09:00–10:00 PST = 17:00–18:00 UTC. The groups file
// keeps a running minutes doc; the harness's Slack knows Alice (MEMBER) and Bob (OTHER_MEMBER).
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const DURING_THE_CALL = '2026-11-26T17:30:00.000Z';
const RUNNING_DOC = '1RunningDoc0000000000';
const RUNNING = `${SERVERLESS_YAML}    minutes:\n      mode: running\n      doc: ${RUNNING_DOC}\n`;
/** Sections made a day ahead: a meeting tomorrow gets its section while today's is running. */
const RUNNING_DAY_AHEAD = `${RUNNING}      create_before: 1d\n`;

/** Resolves once `holds` is true; the stand-ins' hooks wait on it. */
const until = (holds: () => boolean) =>
  vi.waitFor(
    () => {
      if (!holds()) throw new Error('not yet');
    },
    { timeout: 10_000, interval: 5 },
  );

describe.each(ENGINES)('action items in the minutes on %s', (engine) => {
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

  const record = async (text: string) => {
    expect((await h.command('/todo', text, { userId: MEMBER })).status).toBe(200);
    await vi.waitFor(async () => {
      const rows = await h.db.opened.db.selectFrom('action_items').select('message_ts').execute();
      expect(rows.every((r) => r.message_ts !== null)).toBe(true);
    });
  };

  it('appends each item of the running meeting to its section, What / Who / When, once', async () => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addDoc({
      id: RUNNING_DOC,
      name: 'CNCF Serverless WG notes',
      text: 'Weekly call — Thursday 19 November 2026\nAction items (What / Who / When)\n#1 Old item — Alice — no date\n',
    });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: RUNNING,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url },
    });
    // Before any meeting: nothing to write into.
    await record('Not from a meeting');
    h.clock.set(DURING_THE_CALL);
    await h.gavel.tick();
    const before = google.file(RUNNING_DOC)!.text;
    expect(before).toContain('Weekly call — Thursday 26 November 2026\n');

    await record(`<@${MEMBER}> <@${OTHER_MEMBER}> Publish the <!here> survey by Dec 7`);
    await record('Book the room');
    await h.gavel.tick();
    const text = google.file(RUNNING_DOC)!.text;
    const section = text.slice(0, text.indexOf('Weekly call — Thursday 19 November 2026'));
    expect(section).toContain(
      'Action items (What / Who / When)\n#2 Publish the <!here> survey — Alice, Bob — 2026-12-07\n#3 Book the room — Alice — no date\n',
    );
    expect(text).not.toContain('Not from a meeting');
    // The old meeting's section is untouched.
    expect(
      text.endsWith(
        'Weekly call — Thursday 19 November 2026\nAction items (What / Who / When)\n#1 Old item — Alice — no date\n',
      ),
    ).toBe(true);

    const writes = google.callsTo('documents.batchUpdate').length;
    h.clock.advance(60_000);
    await h.gavel.tick();
    expect(google.callsTo('documents.batchUpdate')).toHaveLength(writes);
  });

  it('never writes an item line from a read that a new section of the same doc has since changed', async () => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addDoc({
      id: RUNNING_DOC,
      name: 'CNCF Serverless WG notes',
      text: 'Weekly call — Thursday 19 November 2026\nWe met.\n',
    });
    const lines: string[] = [];
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: RUNNING_DAY_AHEAD,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url },
      log: pino({ level: 'debug' }, { write: (line: string) => lines.push(line) }),
    });
    h.clock.set(DURING_THE_CALL);
    await h.gavel.tick();
    const today = 'Weekly call — Thursday 26 November 2026';
    expect(google.file(RUNNING_DOC)!.text.startsWith(`${today}\n`)).toBe(true);

    // An item of today's call, and a meeting tomorrow whose section is due now: both write into
    // the running doc in the same tick.
    await record('Book the room');
    expect((await h.command('/meeting', 'add 2026-11-27 09:00 Follow-up', { userId: LEAD })).status).toBe(
      200,
    );
    const tomorrow = 'Follow-up — Friday 27 November 2026';
    // The item's read of the doc is answered only once the section has landed, or once the
    // section's writer waits for the item's (the fix): a read-then-insert of one doc at a time.
    let itemRead!: () => void;
    const itemReading = new Promise<void>((resolve) => (itemRead = resolve));
    google.beforeAnswer('files.get', () => itemReading); // the section's writer looks the doc up
    google.beforeAnswer('documents.get', async () => {
      itemRead();
      await until(
        () =>
          google.file(RUNNING_DOC)!.text.includes(tomorrow) ||
          lines.some((l) => l.includes('another write to the minutes doc is under way')),
      );
    });
    await h.gavel.tick();

    const text = google.file(RUNNING_DOC)!.text;
    expect(text.startsWith(`${tomorrow}\n`)).toBe(true);
    const todaySection = text.slice(text.indexOf(`${today}\n`), text.indexOf('Weekly call — Thursday 19'));
    expect(todaySection).toContain(
      'Action items (What / Who / When)\n#1 Book the room — Alice — no date\n\n',
    );
    expect(text.slice(0, text.indexOf(`${today}\n`))).not.toContain('Book the room');
    expect(text.endsWith('Weekly call — Thursday 19 November 2026\nWe met.\n')).toBe(true);
  });
});
