import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GroupId, SlackUserId } from '../../src/core/ids.js';
import { ENGINES } from '../support/databases.js';
import {
  type GavelHarness,
  LEAD,
  MEMBER,
  OTHER_MEMBER,
  SERVERLESS_YAML,
  startHarness,
} from '../support/gavelHarness.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

/**
 * The minutes doc keeps up with the agenda (issue 20, item 3): items added after the doc was
 * made are appended to its agenda once; a running doc's new section goes below its title; a
 * person reads as their Slack name wherever gavel writes them.
 */

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const RUNNING_DOC = '1RunningDoc0000000000';
const TEMPLATE_TEXT = [
  '{{group}}: {{title}}',
  'Leads: {{leads}}',
  'Agenda',
  '{{agenda}}',
  'Attendees',
  'Shared To Do: What / Who / When',
  '',
].join('\n');
const OLD_SECTION = 'Weekly call — Thursday 19 November 2026\nAgenda\n1. Last week (Alice)\nWe met.\n';
const RUNNING_DOC_TEXT = `CNCF Serverless WG notes\nOne section per meeting, newest first.\n\n${OLD_SECTION}`;
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

const withMinutes = (block: string) => `${SERVERLESS_YAML}    minutes:\n${block}`;
const PER_MEETING = withMinutes(
  `      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n      create_before: 1h\n`,
);
const RUNNING = withMinutes(`      mode: running\n      doc: ${RUNNING_DOC}\n      create_before: 1h\n`);

describe.each(ENGINES)('the minutes doc keeps up with the meeting, on %s', (engine) => {
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
    google.addDoc({ id: TEMPLATE, name: 'Template', text: TEMPLATE_TEXT, parents: ['1Templates0000000'] });
    google.addDoc({ id: RUNNING_DOC, name: 'CNCF Serverless WG notes', text: RUNNING_DOC_TEXT });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml,
      env: { GOOGLE_CREDENTIALS_JSON: key.json, GOOGLE_API_URL: google.url },
    });
    await h.gavel.tick();
  };
  const moveTo = async (when: Date) => {
    h.clock.set(when);
    await h.gavel.tick();
  };
  const say = async (command: string, text: string, userId = MEMBER) =>
    expect((await h.command(command, text, { userId })).status).toBe(200);
  const docText = () => google.file(google.filesIn(FOLDER)[0]!.id)!.text;
  const writes = () => google.callsTo('documents.batchUpdate').length;

  it('appends an item added after the doc was made to the doc’s agenda, once, and names people as Slack does', async () => {
    await start(PER_MEETING);
    await say('/agenda', `add Discuss CloudEvents 2.0 with <@${OTHER_MEMBER}>`);
    await moveTo(at(MEETING, -60));
    expect(docText()).toContain('Agenda\n1. Discuss CloudEvents 2.0 with Bob (Alice)\nAttendees\n');
    // Someone edits the doc; gavel never rewrites what is there.
    google.file(google.filesIn(FOLDER)[0]!.id)!.text = docText().replace(
      '1. Discuss CloudEvents 2.0 with Bob (Alice)\n',
      '1. Discuss CloudEvents 2.0 with Bob (Alice) — needs 20 minutes\n',
    );

    await say('/agenda', `add Review <@${OTHER_MEMBER}>’s draft`);
    await h.gavel.tick();
    expect(docText()).toContain(
      'Agenda\n1. Discuss CloudEvents 2.0 with Bob (Alice) — needs 20 minutes\n2. Review Bob’s draft (Alice)\nAttendees\n',
    );

    // A process that died right after saving an item, before queuing its job: the planner heals it.
    await h.gavel.services.agenda.add(
      {
        groupId: 'serverless' as GroupId,
        meetingStartsAt: MEETING,
        topic: 'Budget',
        details: null,
        authorId: LEAD as SlackUserId,
      },
      h.clock.now(),
    );
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(docText()).toContain('2. Review Bob’s draft (Alice)\n3. Budget (Lea Lead)\nAttendees\n');

    // Planning again, a retried tick, the next reminder: nothing is written twice.
    const before = writes();
    await h.gavel.replanAll();
    await moveTo(at(MEETING, -10));
    expect(writes()).toBe(before);
    expect(
      docText()
        .split('\n')
        .filter((l) => l.startsWith('3. Budget')),
    ).toHaveLength(1);

    // A decision names people by their Slack name too, as the agenda does.
    await moveTo(at(MEETING, 1));
    await say('/decision', `Thank <@${OTHER_MEMBER}> for the draft`, LEAD);
    await h.gavel.tick();
    expect(docText()).toContain('Decision #1: Thank Bob for the draft\n');
    expect(docText()).not.toContain(`@${OTHER_MEMBER}`);
  });

  it('lists an item added before the doc existed only once, written by the creation', async () => {
    await start(PER_MEETING);
    await say('/agenda', 'add Discuss CloudEvents 2.0');
    await h.gavel.tick();
    await moveTo(at(MEETING, -60));
    const text = docText();
    expect(text.split('\n').filter((l) => l.startsWith('1. Discuss CloudEvents 2.0'))).toHaveLength(1);
  });

  it('in a running doc puts the new section below the doc’s title and the later items in that section’s agenda', async () => {
    await start(RUNNING);
    await say('/agenda', 'add Discuss CloudEvents 2.0');
    await moveTo(at(MEETING, -60));
    const heading = 'Weekly call — Thursday 26 November 2026';
    expect(
      google
        .file(RUNNING_DOC)!
        .text.startsWith(`CNCF Serverless WG notes\nOne section per meeting, newest first.\n\n${heading}\n`),
    ).toBe(true);

    await say('/agenda', 'add Release plan', OTHER_MEMBER);
    await h.gavel.tick();
    const text = google.file(RUNNING_DOC)!.text;
    expect(text).toContain(`Agenda\n1. Discuss CloudEvents 2.0 (Alice)\n2. Release plan (Bob)\nAttendees\n`);
    expect(text.endsWith(OLD_SECTION)).toBe(true);
    const before = writes();
    await h.gavel.replanAll();
    await h.gavel.tick();
    expect(writes()).toBe(before);
  });
});
