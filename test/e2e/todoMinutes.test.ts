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
});
