import { docs_v1 } from '@googleapis/docs';
import { drive_v3 } from '@googleapis/drive';
import type { DocRef, MinutesDocs } from '../core/ports/minutesDocs.js';
import type { GoogleCredentials } from './googleAuth.js';
import { type DocsRequest, fillRequests, paragraphRequests } from './docsRequests.js';
import { documentText } from './documentText.js';
import { statusOf, toMinutesDocsError } from './googleErrors.js';

export interface GoogleMinutesDocsOptions {
  readonly credentials: GoogleCredentials;
  /** GOOGLE_API_URL: one root for Drive and Docs (their paths differ); Google's when unset. */
  readonly apiUrl: string | undefined;
  /** How long one request may take before it counts as failed; default 10 s. */
  readonly timeoutMs?: number;
  /** The transport (default the global fetch): the composition root's hook that counts calls. */
  readonly fetch?: typeof fetch;
}

const FILE_FIELDS = 'id, name, webViewLink, trashed';

/** The link people open, when Drive did not send one. */
export const docUrl = (id: string): string =>
  `https://docs.google.com/document/d/${encodeURIComponent(id)}/edit`;

/** A Drive query string literal: backslashes and quotes escaped. */
export const driveQueryString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Minutes docs on Google Drive and Docs. Retrying is the job queue's business (with the
 * injected clock and a durable backoff), so the clients' own retry is off: every failure
 * surfaces at once as a MinutesDocsError. Gavel's edits (fill a template, insert paragraphs)
 * become Docs batchUpdate requests here (docsRequests.ts).
 */
export function googleMinutesDocs(opts: GoogleMinutesDocsOptions): MinutesDocs {
  const common = {
    // Two copies of google-auth-library are installed (ours and googleapis-common's): the
    // types differ in private members, the runtime only needs the AuthClient interface.
    auth: opts.credentials.client as unknown as drive_v3.Options['auth'],
    retry: false,
    timeout: opts.timeoutMs ?? 10_000,
    ...(opts.apiUrl ? { rootUrl: opts.apiUrl } : {}),
    ...(opts.fetch ? { fetchImplementation: opts.fetch } : {}),
  };
  const drive = new drive_v3.Drive(common);
  const docs = new docs_v1.Docs(common);
  const ref = (f: drive_v3.Schema$File): DocRef => ({ id: f.id!, url: f.webViewLink ?? docUrl(f.id!) });

  const call = async <T>(doing: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toMinutesDocsError(error, doing);
    }
  };

  /** The requests applied atomically, in order: Docs applies all of them or none. */
  const batchUpdate = (docId: string, requests: readonly DocsRequest[]) =>
    call(`updating the doc ${docId}`, async () => {
      await docs.documents.batchUpdate({
        documentId: docId,
        requestBody: { requests: requests as docs_v1.Schema$Request[] },
      });
    });

  return {
    actor: opts.credentials.actor,

    findByName: (folderId, name) =>
      call(`finding "${name}" in the folder ${folderId}`, async () => {
        const res = await drive.files.list({
          q: `name = ${driveQueryString(name)} and ${driveQueryString(folderId)} in parents and trashed = false`,
          fields: `files(${FILE_FIELDS})`,
          orderBy: 'createdTime',
          pageSize: 10,
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
        });
        const first = res.data.files?.find((f) => f.id);
        return first ? ref(first) : undefined;
      }),

    copyTemplate: (templateId, folderId, name) =>
      call(`copying the template ${templateId} into the folder ${folderId}`, async () => {
        const res = await drive.files.copy({
          fileId: templateId,
          supportsAllDrives: true,
          fields: FILE_FIELDS,
          requestBody: { name, parents: [folderId] },
        });
        return ref(res.data);
      }),

    find: async (docId) => {
      try {
        const res = await drive.files.get({ fileId: docId, fields: FILE_FIELDS, supportsAllDrives: true });
        return res.data.trashed ? undefined : ref(res.data);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw toMinutesDocsError(error, `looking up the doc ${docId}`);
      }
    },

    text: (docId) =>
      call(`reading the doc ${docId}`, async () => {
        const res = await docs.documents.get({ documentId: docId });
        return documentText(res.data);
      }),

    markdown: (docId) =>
      call(`exporting the doc ${docId} as Markdown`, async () => {
        const res = await drive.files.export(
          { fileId: docId, mimeType: 'text/markdown' },
          { responseType: 'text' },
        );
        if (typeof res.data !== 'string') throw new Error('Drive answered the export without text');
        return res.data;
      }),

    fillTemplate: (docId, fills) => batchUpdate(docId, fillRequests(fills)),

    insertParagraphs: (docId, at, paragraphs) => batchUpdate(docId, paragraphRequests(at, paragraphs)),
  };
}
