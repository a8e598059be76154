import { createVerify, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './readBody.js';
import {
  type CalendarOp,
  type CalendarOptions,
  CalendarFailure,
  calendarApi,
  NoContent,
  type StoredCalendarEvent,
} from './googleCalendarApi.js';

export type { CalendarOp, CalendarOptions, StoredCalendarEvent } from './googleCalendarApi.js';

/**
 * A local stand-in for Google Drive v3 and Docs v1: just enough of files.copy, files.list,
 * files.get, files.export (to Markdown), documents.get and documents.batchUpdate
 * (replaceAllText, insertText, updateParagraphStyle) to hold documents in memory as plain
 * text with a named style per paragraph. Every request must carry
 * `Authorization: Bearer <JWT>` signed by a known service account key (checked with its
 * public half), or an access token this server issued at its OAuth token endpoint.
 * Calendar API v3 events are in googleCalendarApi.ts.
 */

export type GoogleOp =
  | 'files.copy'
  | 'files.list'
  | 'files.get'
  | 'files.export'
  | 'documents.get'
  | 'documents.batchUpdate'
  | 'oauth.token'
  | CalendarOp;

export interface RecordedGoogleCall {
  readonly op: GoogleOp | 'unknown';
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
  /** Who signed the request (the JWT's `iss`), or `oauth` for an issued access token. */
  readonly caller: string | undefined;
}

export interface StoredFile {
  readonly id: string;
  name: string;
  readonly parents: readonly string[];
  /** The document body from index 1; always ends with a newline, like Docs. */
  text: string;
  /** Each paragraph's named style (`HEADING_2`, `NORMAL_TEXT`, …), in order: one a line of `text`. */
  styles: string[];
  trashed: boolean;
  revision: number;
  readonly createdSeq: number;
}

export interface GoogleFault {
  readonly op: GoogleOp;
  /** Only requests about this file (the source of a copy, the document of an update), or this calendar event. */
  readonly fileId?: string;
  readonly status: number;
  /** Google's error reason, e.g. `storageQuotaExceeded`, `rateLimitExceeded`. */
  readonly reason?: string;
  /** How many requests it hits; Infinity for all. Default 1. */
  readonly times?: number;
  /** Perform the operation, then answer with the error (a crash after the copy). */
  readonly afterApplying?: boolean;
  /** Never answer (a backend that accepted the connection and went silent); `status` is unused. */
  readonly hang?: boolean;
}

export interface ServiceAccountKey {
  readonly email: string;
  /** The key file's JSON, as GOOGLE_CREDENTIALS_JSON holds it. */
  readonly json: string;
  readonly publicKey: KeyObject;
}

/** A throwaway service account key pair, made for one test run. */
export function makeServiceAccountKey(
  email = 'gavel-minutes@gavel-test.iam.gserviceaccount.com',
): ServiceAccountKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const json = JSON.stringify({
    type: 'service_account',
    project_id: 'gavel-test',
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '100000000000000000001',
    token_uri: 'https://oauth2.googleapis.com/token',
  });
  return { email, json, publicKey };
}

export interface GoogleApiServerOptions {
  readonly serviceAccounts?: readonly ServiceAccountKey[];
  /** Enables `POST /token` for the refresh-token flow. */
  readonly oauth?: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly refreshToken: string;
  };
}

export interface GoogleApiServer {
  readonly url: string;
  readonly calls: readonly RecordedGoogleCall[];
  callsTo(op: GoogleOp): RecordedGoogleCall[];
  /** A Google Doc (a template or a running doc) in a folder. */
  addDoc(doc: {
    id: string;
    name: string;
    text: string;
    parents?: readonly string[];
    /** Named styles of the first paragraphs, in order (`TITLE`, `HEADING_1`, …); the rest are normal. */
    styles?: readonly string[];
  }): StoredFile;
  /** A folder; `myDrive` folders refuse copies owned by a service account (no storage quota). */
  addFolder(id: string, opts?: { myDrive?: boolean }): void;
  file(id: string): StoredFile | undefined;
  /** Documents (not folders) whose parents include the folder, oldest first. */
  filesIn(folderId: string): StoredFile[];
  fault(f: GoogleFault): void;
  /** A calendar gavel may write to (GOOGLE_CALENDAR_ID); requests for any other answer 404. */
  addCalendar(id: string, opts?: CalendarOptions): void;
  /** An event someone else made in the calendar (no gavel mark unless the body has one). */
  addCalendarEvent(calendarId: string, body: Record<string, unknown>): StoredCalendarEvent;
  /** The calendar's events, deleted ones (status cancelled) included. */
  calendarEvents(calendarId: string): StoredCalendarEvent[];
  /**
   * The next successful `op` takes effect, then `before` runs and only then is the answer
   * sent: a crash test kills the app there, after the change but before it heard. `undefined`
   * disarms it.
   */
  beforeAnswer(op: GoogleOp, before: (() => Promise<void>) | undefined): void;
  close(): Promise<void>;
}

const SCOPES = ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/documents'];
/** Either grants the Calendar API's events. */
const CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.events',
];
const isCalendarOp = (op: GoogleOp | 'unknown'): op is CalendarOp => op.startsWith('events.');
const STATUS_TEXT: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'GONE',
  502: 'BAD_GATEWAY',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startGoogleApiServer(opts: GoogleApiServerOptions = {}): Promise<GoogleApiServer> {
  const keys = new Map((opts.serviceAccounts ?? []).map((k) => [k.email, k.publicKey]));
  const issuedTokens = new Set<string>();
  const files = new Map<string, StoredFile>();
  const folders = new Map<string, { myDrive: boolean }>();
  const faults: { fault: GoogleFault; left: number }[] = [];
  const answerHooks = new Map<GoogleOp, () => Promise<void>>();
  const calls: RecordedGoogleCall[] = [];
  const calendar = calendarApi();
  let seq = 0;

  const nextFaultFor = (op: GoogleOp, fileId: string | undefined) => {
    const hit = faults.find(
      (f) => f.left > 0 && f.fault.op === op && (!f.fault.fileId || f.fault.fileId === fileId),
    );
    if (hit) hit.left -= 1;
    return hit?.fault;
  };

  function authenticate(req: IncomingMessage, op: GoogleOp | 'unknown'): string {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) throw new HttpFailure(401, 'required', 'Login Required.');
    if (issuedTokens.has(token)) return 'oauth';
    const signed = verifyServiceAccountJwt(token, keys);
    if (!signed) throw new HttpFailure(401, 'authError', 'Invalid Credentials');
    const scoped = isCalendarOp(op)
      ? CALENDAR_SCOPES.some((sc) => signed.scopes.includes(sc))
      : SCOPES.every((sc) => signed.scopes.includes(sc));
    if (!scoped) {
      throw new HttpFailure(
        403,
        'insufficientPermissions',
        'Request had insufficient authentication scopes.',
      );
    }
    return signed.iss;
  }

  const docOrFail = (id: string) => {
    const f = files.get(id);
    if (!f || f.trashed) throw new HttpFailure(404, 'notFound', `File not found: ${id}.`);
    return f;
  };

  const fileJson = (f: StoredFile) => ({
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: 'application/vnd.google-apps.document',
    parents: f.parents,
    trashed: f.trashed,
    webViewLink: `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`,
  });

  function copy(sourceId: string, body: Record<string, unknown>, caller: string): unknown {
    const source = docOrFail(sourceId);
    const parents = Array.isArray(body['parents']) ? (body['parents'] as string[]) : [...source.parents];
    for (const p of parents) {
      const folder = folders.get(p);
      if (!folder) throw new HttpFailure(404, 'notFound', `File not found: ${p}.`);
      if (folder.myDrive && caller !== 'oauth') {
        throw new HttpFailure(
          403,
          'storageQuotaExceeded',
          'The user’s Drive storage quota has been exceeded.',
        );
      }
    }
    const id = `1doc${randomBytes(12).toString('hex')}`;
    const created: StoredFile = {
      id,
      name: typeof body['name'] === 'string' ? body['name'] : `Copy of ${source.name}`,
      parents,
      text: source.text,
      styles: [...source.styles],
      trashed: false,
      revision: 1,
      createdSeq: ++seq,
    };
    files.set(id, created);
    return fileJson(created);
  }

  function list(q: string): unknown {
    const clauses = parseDriveQuery(q);
    const matching = [...files.values()]
      .filter((f) => clauses.every((c) => c(f)))
      .sort((a, b) => a.createdSeq - b.createdSeq);
    return { kind: 'drive#fileList', incompleteSearch: false, files: matching.map(fileJson) };
  }

  function batchUpdate(id: string, body: Record<string, unknown>): unknown {
    const doc = docOrFail(id);
    const requests = Array.isArray(body['requests']) ? (body['requests'] as Record<string, unknown>[]) : [];
    // Atomic, like Docs: work on a copy, keep it only if every request applies.
    let edited: DocBody = { text: doc.text, styles: stylesOf(doc) };
    const replies = requests.map((r) => {
      const result = applyRequest(edited, r);
      edited = result.body;
      return result.reply;
    });
    doc.text = edited.text;
    doc.styles = [...edited.styles];
    doc.revision += 1;
    return { documentId: id, replies, writeControl: { requiredRevisionId: `rev-${doc.revision}` } };
  }

  function route(
    req: IncomingMessage,
    url: URL,
    body: unknown,
  ): { op: GoogleOp | 'unknown'; fileId?: string; run: (caller: string) => unknown } {
    const path = url.pathname;
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && path === '/token') return { op: 'oauth.token', run: () => token(b) };
    if (req.method === 'POST' && (m = /^\/drive\/v3\/files\/([^/]+)\/copy$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return { op: 'files.copy', fileId: id, run: (caller) => copy(id, b, caller) };
    }
    if (req.method === 'GET' && path === '/drive/v3/files') {
      return { op: 'files.list', run: () => list(url.searchParams.get('q') ?? '') };
    }
    if (req.method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return {
        op: 'files.get',
        fileId: id,
        run: () => {
          const f = files.get(id);
          if (!f) throw new HttpFailure(404, 'notFound', `File not found: ${id}.`);
          return fileJson(f);
        },
      };
    }
    if (req.method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      const mimeType = url.searchParams.get('mimeType');
      return {
        op: 'files.export',
        fileId: id,
        run: () => {
          const doc = docOrFail(id);
          if (mimeType !== 'text/markdown') {
            throw new HttpFailure(400, 'badRequest', 'The requested conversion is not supported.');
          }
          return new Exported('text/markdown', driveMarkdown(doc));
        },
      };
    }
    if (req.method === 'GET' && (m = /^\/v1\/documents\/([^/:]+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return { op: 'documents.get', fileId: id, run: () => documentJson(docOrFail(id)) };
    }
    if (req.method === 'POST' && (m = /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return { op: 'documents.batchUpdate', fileId: id, run: () => batchUpdate(id, b) };
    }
    const cal = calendar.route(req.method ?? 'GET', url, b);
    if (cal) return { op: cal.op, ...(cal.eventId ? { fileId: cal.eventId } : {}), run: cal.run };
    return {
      op: 'unknown',
      run: () => {
        throw new HttpFailure(404, 'notFound', `No such method: ${req.method} ${path}`);
      },
    };
  }

  function token(b: Record<string, unknown>): unknown {
    const o = opts.oauth;
    if (
      !o ||
      b['grant_type'] !== 'refresh_token' ||
      b['refresh_token'] !== o.refreshToken ||
      b['client_id'] !== o.clientId ||
      b['client_secret'] !== o.clientSecret
    ) {
      throw new HttpFailure(400, 'invalid_grant', 'Bad Request');
    }
    const access = `ya29.test-${randomBytes(16).toString('hex')}`;
    issuedTokens.add(access);
    return { access_token: access, expires_in: 3599, token_type: 'Bearer', scope: SCOPES.join(' ') };
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type']);
    const { op, fileId, run } = route(req, url, body);
    let status = 200;
    let out: unknown;
    let caller: string | undefined;
    try {
      if (op !== 'oauth.token') caller = authenticate(req, op);
      const fault = op === 'unknown' ? undefined : nextFaultFor(op, fileId);
      if (fault?.hang) {
        calls.push({
          op,
          method: req.method ?? 'GET',
          path: url.pathname,
          query: {},
          body,
          status: 0,
          caller,
        });
        return;
      }
      if (fault && !fault.afterApplying) throw faultFailure(fault);
      out = run(caller ?? '');
      if (fault) throw faultFailure(fault);
      const hook = op === 'unknown' ? undefined : answerHooks.get(op);
      if (hook && op !== 'unknown') {
        answerHooks.delete(op);
        await hook();
      }
    } catch (error) {
      const f =
        error instanceof HttpFailure
          ? error
          : error instanceof CalendarFailure
            ? new HttpFailure(error.status, error.reason, error.message)
            : new HttpFailure(500, 'backendError', String(error));
      status = f.status;
      out = {
        error: {
          code: f.status,
          message: f.message,
          errors: [{ domain: 'global', reason: f.reason, message: f.message }],
          status: STATUS_TEXT[f.status] ?? 'UNKNOWN',
        },
      };
    }
    calls.push({
      op,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status,
      caller,
    });
    if (out instanceof NoContent) {
      res.writeHead(204);
      res.end();
      return;
    }
    if (out instanceof Exported) {
      res.writeHead(status, { 'content-type': `${out.mimeType}; charset=utf-8` });
      res.end(out.text);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(out));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (op) => calls.filter((c) => c.op === op),
    addDoc(doc) {
      const parents = doc.parents ?? [];
      for (const p of parents) if (!folders.has(p)) folders.set(p, { myDrive: false });
      const stored: StoredFile = {
        id: doc.id,
        name: doc.name,
        parents,
        text: doc.text.endsWith('\n') ? doc.text : `${doc.text}\n`,
        styles: [...(doc.styles ?? [])],
        trashed: false,
        revision: 1,
        createdSeq: ++seq,
      };
      files.set(doc.id, stored);
      return stored;
    },
    addFolder: (id, o) => void folders.set(id, { myDrive: o?.myDrive ?? false }),
    file: (id) => files.get(id),
    filesIn: (folderId) =>
      [...files.values()]
        .filter((f) => f.parents.includes(folderId))
        .sort((a, b) => a.createdSeq - b.createdSeq),
    fault: (fault) => void faults.push({ fault, left: fault.times ?? 1 }),
    addCalendar: (id, o) => calendar.addCalendar(id, o),
    addCalendarEvent: (calendarId, body) => calendar.addEvent(calendarId, body),
    calendarEvents: (calendarId) => calendar.eventsIn(calendarId),
    beforeAnswer: (op, before) => {
      if (before) answerHooks.set(op, before);
      else answerHooks.delete(op);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

const faultFailure = (f: GoogleFault) =>
  new HttpFailure(
    f.status,
    f.reason ??
      (f.status === 404
        ? 'notFound'
        : f.status === 403
          ? 'forbidden'
          : f.status === 429
            ? 'rateLimitExceeded'
            : 'backendError'),
    f.status === 404 ? `File not found: ${f.fileId ?? ''}.` : `Injected ${f.status}`,
  );

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** The JWT's issuer and scopes if it is an RS256 token signed by a known key, unexpired. */
function verifyServiceAccountJwt(
  token: string,
  keys: ReadonlyMap<string, KeyObject>,
): { iss: string; scopes: string[] } | undefined {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return undefined;
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as {
      iss?: string;
      scope?: string;
      exp?: number;
    };
    const key = payload.iss ? keys.get(payload.iss) : undefined;
    if (header.alg !== 'RS256' || !key) return undefined;
    const verified = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(s, 'base64url'));
    const scopes = (payload.scope ?? '').split(' ');
    // The JWT is signed with the real clock (google-auth-library's), not the test's clock.
    const fresh = typeof payload.exp === 'number' && payload.exp * 1000 > Date.now();
    return verified && fresh ? { iss: payload.iss!, scopes } : undefined;
  } catch {
    return undefined;
  }
}

/** The `q` of files.list: clauses joined by `and` (name =, '<id>' in parents, trashed =, mimeType =). */
export function parseDriveQuery(q: string): ((f: StoredFile) => boolean)[] {
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  const clauses: ((f: StoredFile) => boolean)[] = [];
  const clause = new RegExp(
    String.raw`^\s*(?:name\s*=\s*${literal}|${literal}\s+in\s+parents|trashed\s*=\s*(true|false)|mimeType\s*=\s*${literal})\s*(?:and\b|$)`,
  );
  let rest = q;
  while (rest.trim() !== '') {
    const m = clause.exec(rest);
    if (!m) throw new HttpFailure(400, 'invalid', `Invalid Value: ${q}`);
    if (m[1] !== undefined) {
      const name = unescape(m[1]);
      clauses.push((f) => f.name === name);
    } else if (m[2] !== undefined) {
      const parent = unescape(m[2]);
      clauses.push((f) => f.parents.includes(parent));
    } else if (m[3] !== undefined) {
      const trashed = m[3] === 'true';
      clauses.push((f) => f.trashed === trashed);
    }
    rest = rest.slice(m[0].length);
  }
  return clauses;
}

/** A doc's body while a batchUpdate applies: its text and each paragraph's named style. */
interface DocBody {
  readonly text: string;
  readonly styles: readonly string[];
}

/** One style a paragraph, however the text was edited behind the stand-in's back. */
function stylesOf(f: { readonly text: string; readonly styles: readonly string[] }): string[] {
  const count = f.text.split('\n').length - 1;
  return Array.from({ length: count }, (_, i) => f.styles[i] ?? 'NORMAL_TEXT');
}

/**
 * Replaces `length` characters at offset `at` with `insert`, keeping a style a paragraph:
 * paragraphs joined take the style of the first, new ones the style of the paragraph they
 * land in, as Docs does.
 */
function splice(body: DocBody, at: number, length: number, insert: string): DocBody {
  const line = body.text.slice(0, at).split('\n').length - 1;
  const removed = body.text.slice(at, at + length).split('\n').length - 1;
  const added = insert.split('\n').length - 1;
  const keep = body.styles[line] ?? 'NORMAL_TEXT';
  const styles = [...body.styles];
  styles.splice(line, removed + 1, ...Array.from({ length: added + 1 }, () => keep));
  return { text: body.text.slice(0, at) + insert + body.text.slice(at + length), styles };
}

function applyRequest(body: DocBody, r: Record<string, unknown>): { body: DocBody; reply: unknown } {
  const { text } = body;
  const replace = r['replaceAllText'] as
    { containsText?: { text?: string; matchCase?: boolean }; replaceText?: string } | undefined;
  if (replace) {
    const needle = replace.containsText?.text ?? '';
    if (needle === '') throw new HttpFailure(400, 'badRequest', 'replaceAllText needs containsText.text');
    const flags = replace.containsText?.matchCase ? 'g' : 'gi';
    const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
    const hits = [...text.matchAll(pattern)];
    // From the end, so the offsets of the hits before stay where they were.
    const next = hits.reduceRight(
      (b, hit) => splice(b, hit.index, hit[0].length, replace.replaceText ?? ''),
      body,
    );
    return { body: next, reply: { replaceAllText: { occurrencesChanged: hits.length } } };
  }
  const insert = r['insertText'] as
    { location?: { index?: number }; endOfSegmentLocation?: object; text?: string } | undefined;
  if (insert) {
    // Body indexes start at 1 (index 0 is the section break); the final newline cannot be passed.
    const index = insert.endOfSegmentLocation ? text.length : (insert.location?.index ?? 0);
    if (!Number.isInteger(index) || index < 1 || index > text.length) {
      throw new HttpFailure(
        400,
        'badRequest',
        `Invalid requests[0].insertText: Index ${index} must be less than the end index of the referenced segment, ${text.length + 1}.`,
      );
    }
    return { body: splice(body, index - 1, 0, insert.text ?? ''), reply: {} };
  }
  const style = r['updateParagraphStyle'] as
    | {
        range?: { startIndex?: number; endIndex?: number };
        paragraphStyle?: { namedStyleType?: string };
        fields?: string;
      }
    | undefined;
  if (style) {
    const { startIndex = 0, endIndex = 0 } = style.range ?? {};
    if (startIndex < 1 || endIndex > text.length + 1 || endIndex <= startIndex) {
      throw new HttpFailure(400, 'badRequest', `Invalid range ${startIndex}–${endIndex}`);
    }
    const named = style.paragraphStyle?.namedStyleType;
    if (!named || !(style.fields ?? '').split(',').some((f) => ['namedStyleType', '*'].includes(f.trim()))) {
      return { body, reply: {} };
    }
    // Every paragraph the range touches takes the style, as in Docs.
    const first = text.slice(0, startIndex - 1).split('\n').length - 1;
    const last = text.slice(0, endIndex - 2).split('\n').length - 1;
    const styles = body.styles.map((s, i) => (i >= first && i <= last ? named : s));
    return { body: { text, styles }, reply: {} };
  }
  throw new HttpFailure(400, 'badRequest', `Unsupported request: ${Object.keys(r).join(', ')}`);
}

/** An answer that is a file's content in another format, sent as is instead of as JSON. */
class Exported {
  constructor(
    readonly mimeType: string,
    readonly text: string,
  ) {}
}

const HEADING_MARKS: Readonly<Record<string, string>> = {
  TITLE: '#',
  HEADING_1: '#',
  HEADING_2: '##',
  HEADING_3: '###',
  HEADING_4: '####',
  HEADING_5: '#####',
  HEADING_6: '######',
};

/**
 * The doc as Drive exports it to text/markdown: a heading paragraph becomes a `#` line of its
 * level, any other paragraph its text, a blank line between them, empty paragraphs dropped.
 */
export function driveMarkdown(f: { readonly text: string; readonly styles: readonly string[] }): string {
  const styles = stylesOf(f);
  const blocks = f.text
    .split('\n')
    .slice(0, -1)
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const mark = HEADING_MARKS[styles[i] ?? ''];
      return [mark ? `${mark} ${line}` : line];
    });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** A minimal but valid Docs Document: a section break, then one paragraph per line. */
function documentJson(f: StoredFile): unknown {
  const content: unknown[] = [
    { endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE' } } },
  ];
  const styles = stylesOf(f);
  let at = 1;
  for (const [i, line] of f.text.split(/(?<=\n)/).entries()) {
    const end = at + line.length;
    content.push({
      startIndex: at,
      endIndex: end,
      paragraph: {
        elements: [{ startIndex: at, endIndex: end, textRun: { content: line, textStyle: {} } }],
        paragraphStyle: { namedStyleType: styles[i] ?? 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
      },
    });
    at = end;
  }
  return { documentId: f.id, title: f.name, revisionId: `rev-${f.revision}`, body: { content } };
}
