import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../../src/standins/githubApiServer.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';
import { issueDelivery, sendGithubWebhook } from '../../src/standins/githubWebhooks.js';
import { ENGINES } from '../support/databases.js';
import { type GavelHarness, SERVERLESS_YAML, startHarness } from '../support/gavelHarness.js';

/**
 * GitHub-labelled agenda items reach the minutes doc as typed ones do: listed when the doc is
 * made (after the sync just before it), appended when they arrive later, written as plain
 * text with where they live.
 */

// Thursday 26 Nov 2026, 09:00 America/Los_Angeles (PST) = 17:00 UTC; the doc is made at 16:00.
const MEETING = '2026-11-26T17:00:00.000Z';
const MONDAY_NOON = '2026-11-23T12:00:00.000Z';
const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';
const TOKEN = 'ghp_test0000000000000000000000000000gavel';
const SECRET = 'webhook-secret-for-tests';
const TEMPLATE_TEXT = ['{{group}}: {{title}}', 'Agenda', '{{agenda}}', 'Attendees', ''].join('\n');
const YAML = SERVERLESS_YAML.replace(
  '    reminders: [24h, 10m]\n',
  '    reminders: [24h, 10m]\n    agenda:\n      github:\n        label: wg-agenda\n        repos: [cncf/wg-serverless]\n',
).concat(
  `    minutes:\n      mode: per-meeting\n      template: ${TEMPLATE}\n      folder: ${FOLDER}\n      create_before: 1h\n`,
);
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

describe.each(ENGINES)('GitHub agenda items in the minutes doc, on %s', (engine) => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer;
  let github: GithubApiServer;
  let h: GavelHarness;
  beforeAll(() => {
    key = makeServiceAccountKey();
  });
  afterEach(async () => {
    await h.stop();
    await google.close();
    await github.close();
  });

  it('lists the labelled items synced just before the doc is made, and appends one labelled after', async () => {
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    google.addFolder(FOLDER);
    google.addDoc({ id: TEMPLATE, name: 'Template', text: TEMPLATE_TEXT, parents: ['1Templates0000000'] });
    github = await startGithubApiServer({ tokens: [TOKEN] });
    h = await startHarness({
      engine,
      now: MONDAY_NOON,
      groupsYaml: YAML,
      env: {
        GOOGLE_CREDENTIALS_JSON: key.json,
        GOOGLE_API_URL: google.url,
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: TOKEN,
        GITHUB_WEBHOOK_SECRET: SECRET,
      },
    });
    await h.gavel.tick();

    // Labelled without a delivery reaching gavel: the sync five minutes before the doc finds it.
    github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Spec <review> & vote',
      labels: ['wg-agenda'],
      author: 'duglin',
    });
    h.clock.set(at(MEETING, -65));
    await h.gavel.tick();
    h.clock.set(at(MEETING, -60));
    await h.gavel.tick();
    const doc = () => google.file(google.filesIn(FOLDER)[0]!.id)!.text;
    expect(doc()).toContain(
      'Agenda\n1. Spec <review> & vote (issue cncf/wg-serverless#1 by duglin) https://github.com/cncf/wg-serverless/issues/1\nAttendees\n',
    );

    const late = github.addIssue({
      owner: 'cncf',
      repo: 'wg-serverless',
      title: 'Late <!channel> topic',
      labels: ['wg-agenda'],
      pullRequest: true,
      author: 'alice-gh',
    });
    expect(
      (await sendGithubWebhook(h.url, SECRET, issueDelivery('labeled', late, { label: 'wg-agenda' })))
        .message,
    ).toBe('added');
    await h.gavel.tick();
    // Delivered again, and renamed: the doc is never written twice nor rewritten.
    await sendGithubWebhook(h.url, SECRET, issueDelivery('labeled', late, { label: 'wg-agenda' }));
    late.title = 'Renamed';
    await sendGithubWebhook(
      h.url,
      SECRET,
      issueDelivery('edited', late, { titleFrom: 'Late <!channel> topic' }),
    );
    await h.gavel.tick();
    expect(doc()).toContain(
      'Agenda\n1. Spec <review> & vote (issue cncf/wg-serverless#1 by duglin) https://github.com/cncf/wg-serverless/issues/1\n2. Late <!channel> topic (pull request cncf/wg-serverless#2 by Alice) https://github.com/cncf/wg-serverless/pull/2\nAttendees\n',
    );
  });
});
