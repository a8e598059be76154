import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MinutesDocs, MinutesDocsError } from '../../src/core/ports/minutesDocs.js';
import { googleCredentials } from '../../src/google/googleAuth.js';
import { googleMinutesDocs } from '../../src/google/googleMinutesDocs.js';
import {
  type GoogleApiServer,
  makeServiceAccountKey,
  type ServiceAccountKey,
  startGoogleApiServer,
} from '../../src/standins/googleApiServer.js';

const TEMPLATE = '1TemplateDoc000000000';
const FOLDER = '1MinutesFolder0000000';

describe('minutes docs on the Google Drive and Docs wire format', () => {
  let key: ServiceAccountKey;
  let google: GoogleApiServer;
  let docs: MinutesDocs;

  beforeAll(async () => {
    key = makeServiceAccountKey();
    google = await startGoogleApiServer({ serviceAccounts: [key] });
    docs = googleMinutesDocs({
      credentials: googleCredentials(
        { kind: 'service-account-json', json: key.json, subject: undefined },
        { customApiRoot: true, tokenUrl: undefined },
      ),
      apiUrl: google.url,
    });
  });
  afterAll(() => google.close());
  beforeEach(() => {
    google.addFolder(FOLDER);
    google.addDoc({
      id: TEMPLATE,
      name: 'Minutes template',
      text: 'Meeting: {{title}}\nAgenda:\n{{agenda}}\n',
    });
  });

  it('copies the template into the folder under the given name, on shared drives too', async () => {
    const doc = await docs.copyTemplate(TEMPLATE, FOLDER, 'CNCF Serverless WG — 2026-11-26');
    expect(doc.url).toContain(doc.id);
    expect(google.file(doc.id)?.name).toBe('CNCF Serverless WG — 2026-11-26');
    expect(google.file(doc.id)?.parents).toEqual([FOLDER]);
    const copy = google.callsTo('files.copy').at(-1);
    expect(copy?.query['supportsAllDrives']).toBe('true');
    expect(copy?.caller).toBe(key.email);
  });

  it('finds a doc by its exact name in the folder, quotes and all, and ignores trashed ones', async () => {
    const name = "O'Brien's WG — 2026-11-26";
    expect(await docs.findByName(FOLDER, name)).toBeUndefined();
    const made = await docs.copyTemplate(TEMPLATE, FOLDER, name);
    expect(await docs.findByName(FOLDER, name)).toEqual(made);
    expect(await docs.findByName('1OtherFolder000000', name)).toBeUndefined();
    google.file(made.id)!.trashed = true;
    expect(await docs.findByName(FOLDER, name)).toBeUndefined();
    const list = google.callsTo('files.list').at(-1);
    expect(list?.query['q']).toBe(
      `name = 'O\\'Brien\\'s WG — 2026-11-26' and '${FOLDER}' in parents and trashed = false`,
    );
    expect(list?.query['includeItemsFromAllDrives']).toBe('true');
  });

  it('reads the body as text and applies replaceAllText and insertText in order', async () => {
    const made = await docs.copyTemplate(TEMPLATE, FOLDER, 'Filled');
    await docs.fillTemplate(made.id, [{ placeholder: '{{title}}', text: 'Weekly call' }]);
    await docs.insertParagraphs(made.id, { before: 0 }, [{ text: 'Top', style: 'normal' }]);
    expect(await docs.text(made.id)).toBe('Top\nMeeting: Weekly call\nAgenda:\n{{agenda}}\n');
    const [fill, insert] = google.callsTo('documents.batchUpdate').slice(-2);
    expect(fill?.body).toEqual({
      requests: [
        {
          replaceAllText: {
            containsText: { text: '{{title}}', matchCase: true },
            replaceText: 'Weekly call',
          },
        },
      ],
    });
    expect(insert?.body).toEqual({
      requests: [
        { insertText: { location: { index: 1 }, text: 'Top\n' } },
        {
          updateParagraphStyle: {
            range: { startIndex: 1, endIndex: 5 },
            paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
            fields: 'namedStyleType',
          },
        },
      ],
    });
  });

  it('looks a doc up by id, and answers undefined for a deleted one', async () => {
    expect(await docs.find(TEMPLATE)).toMatchObject({ id: TEMPLATE });
    expect(await docs.find('1Missing0000000000')).toBeUndefined();
  });

  it('reports a template that is missing or not shared as a set-up problem, not worth retrying', async () => {
    google.fault({ op: 'files.copy', fileId: TEMPLATE, status: 404 });
    const missing = await docs.copyTemplate(TEMPLATE, FOLDER, 'x').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(MinutesDocsError);
    expect(missing).toMatchObject({ failure: 'not-shared', status: 404 });
    expect((missing as Error).message).toContain(TEMPLATE);
    google.fault({ op: 'files.copy', fileId: TEMPLATE, status: 403, reason: 'insufficientFilePermissions' });
    expect(await docs.copyTemplate(TEMPLATE, FOLDER, 'x').catch((e: unknown) => e)).toMatchObject({
      failure: 'not-shared',
      status: 403,
    });
  });

  it('tells a service account without Drive storage apart from a sharing problem', async () => {
    google.addFolder('1MyDriveFolder00000', { myDrive: true });
    expect(
      await docs.copyTemplate(TEMPLATE, '1MyDriveFolder00000', 'x').catch((e: unknown) => e),
    ).toMatchObject({
      failure: 'no-storage',
      status: 403,
    });
  });

  it('reports rate limits and server errors as retryable, once each, without retrying inside the client', async () => {
    const before = google.callsTo('documents.get').length;
    google.fault({ op: 'documents.get', fileId: TEMPLATE, status: 500 });
    expect(await docs.text(TEMPLATE).catch((e: unknown) => e)).toMatchObject({
      failure: 'retryable',
      status: 500,
    });
    expect(google.callsTo('documents.get')).toHaveLength(before + 1);
    google.fault({ op: 'documents.batchUpdate', fileId: TEMPLATE, status: 429 });
    expect(await docs.fillTemplate(TEMPLATE, []).catch((e: unknown) => e)).toMatchObject({
      failure: 'retryable',
      status: 429,
    });
    google.fault({ op: 'files.list', status: 403, reason: 'userRateLimitExceeded' });
    expect(await docs.findByName(FOLDER, 'x').catch((e: unknown) => e)).toMatchObject({
      failure: 'retryable',
    });
  });

  it('exports a doc as Markdown the way Drive does: headings as # lines, paragraphs apart', async () => {
    const made = await docs.copyTemplate(TEMPLATE, FOLDER, 'Exported');
    await docs.fillTemplate(made.id, [
      { placeholder: '{{title}}', text: 'Weekly call' },
      { placeholder: '{{agenda}}', text: 'CloudEvents 2.0' },
    ]);
    await docs.insertParagraphs(made.id, { after: (await docs.text(made.id)).length }, [
      { text: 'Decisions', style: 'heading' },
      { text: 'Ship 2.0', style: 'subheading' },
      { text: 'Agreed by all.', style: 'normal' },
    ]);
    expect(await docs.markdown(made.id)).toBe(
      'Meeting: Weekly call\n\nAgenda:\n\nCloudEvents 2.0\n\n## Decisions\n\n### Ship 2.0\n\nAgreed by all.\n',
    );
    expect(google.callsTo('files.export').at(-1)?.query).toMatchObject({ mimeType: 'text/markdown' });
  });

  it('exports the styles a doc was given elsewhere, and leaves empty paragraphs out', async () => {
    google.addDoc({
      id: '1Styled000000000000',
      name: 'Styled',
      text: 'Serverless WG\nMinutes\n\nNotes here.\n',
      styles: ['TITLE', 'HEADING_1'],
    });
    expect(await docs.markdown('1Styled000000000000')).toBe('# Serverless WG\n\n# Minutes\n\nNotes here.\n');
  });

  it('reports an export of a missing doc as not shared, and a busy Drive as retryable', async () => {
    expect(await docs.markdown('1Missing0000000000').catch((e: unknown) => e)).toMatchObject({
      failure: 'not-shared',
      status: 404,
    });
    google.fault({ op: 'files.export', fileId: TEMPLATE, status: 403, reason: 'userRateLimitExceeded' });
    expect(await docs.markdown(TEMPLATE).catch((e: unknown) => e)).toMatchObject({
      failure: 'retryable',
      status: 403,
    });
    google.fault({ op: 'files.export', fileId: TEMPLATE, status: 503 });
    expect(await docs.markdown(TEMPLATE).catch((e: unknown) => e)).toMatchObject({
      failure: 'retryable',
      status: 503,
    });
  });

  it('is refused with a key the server does not know', async () => {
    const stranger = makeServiceAccountKey('stranger@elsewhere.iam.gserviceaccount.com');
    const other = googleMinutesDocs({
      credentials: googleCredentials(
        { kind: 'service-account-json', json: stranger.json, subject: undefined },
        { customApiRoot: true, tokenUrl: undefined },
      ),
      apiUrl: google.url,
    });
    expect(await other.find(TEMPLATE).catch((e: unknown) => e)).toMatchObject({
      failure: 'rejected',
      status: 401,
    });
  });

  it('authenticates with an OAuth refresh token at the configured token endpoint', async () => {
    const oauthServer = await startGoogleApiServer({
      oauth: { clientId: 'client-1', clientSecret: 'secret-1', refreshToken: 'refresh-1' },
    });
    try {
      oauthServer.addDoc({ id: TEMPLATE, name: 'Template', text: 'Hello\n' });
      const viaOauth = googleMinutesDocs({
        credentials: googleCredentials(
          { kind: 'oauth', clientId: 'client-1', clientSecret: 'secret-1', refreshToken: 'refresh-1' },
          { customApiRoot: true, tokenUrl: `${oauthServer.url}/token` },
        ),
        apiUrl: oauthServer.url,
      });
      expect(await viaOauth.text(TEMPLATE)).toBe('Hello\n');
      expect(oauthServer.callsTo('oauth.token')).toHaveLength(1);
      // Drive converts a doc to the formats it knows; the stand-in knows only Markdown.
      const { access_token } = (await (
        await fetch(`${oauthServer.url}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=refresh_token&refresh_token=refresh-1&client_id=client-1&client_secret=secret-1',
        })
      ).json()) as { access_token: string };
      const exported = (mimeType: string) =>
        fetch(
          `${oauthServer.url}/drive/v3/files/${TEMPLATE}/export?mimeType=${encodeURIComponent(mimeType)}`,
          {
            headers: { authorization: `Bearer ${access_token}` },
          },
        );
      expect((await exported('application/pdf')).status).toBe(400);
      const markdown = await exported('text/markdown');
      expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
      expect(await markdown.text()).toBe('Hello\n');
      expect(oauthServer.callsTo('documents.get')[0]?.caller).toBe('oauth');
    } finally {
      await oauthServer.close();
    }
  });
});
