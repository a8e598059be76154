/** A Google Doc gavel created or found: its id and the link people open. */
export interface DocRef {
  readonly id: string;
  readonly url: string;
}

/**
 * One edit of a Docs `documents.batchUpdate`, in the wire format (the subset gavel sends).
 * Indexes are UTF-16 code units, as in Docs; index 1 is the start of the body.
 */
export type DocsRequest =
  | {
      readonly replaceAllText: {
        readonly containsText: { readonly text: string; readonly matchCase: boolean };
        readonly replaceText: string;
      };
    }
  | { readonly insertText: { readonly location: { readonly index: number }; readonly text: string } }
  | {
      readonly updateParagraphStyle: {
        readonly range: { readonly startIndex: number; readonly endIndex: number };
        readonly paragraphStyle: { readonly namedStyleType: 'HEADING_2' | 'HEADING_3' | 'NORMAL_TEXT' };
        readonly fields: 'namedStyleType';
      };
    };

/**
 * The minutes documents, whatever stores them (Google Drive and Docs in production).
 * Every failure is a MinutesDocsError saying whether trying again can help.
 */
export interface MinutesDocs {
  /** Who creates the docs (the service account's email), to tell people whom to share with. */
  readonly actor: string | undefined;
  /** A doc with exactly this name in the folder, not trashed; the oldest if there are several. */
  findByName(folderId: string, name: string): Promise<DocRef | undefined>;
  /** Copies the template into the folder under `name`. */
  copyTemplate(templateId: string, folderId: string, name: string): Promise<DocRef>;
  /** The doc's id and link, or undefined when it is gone (deleted or trashed). */
  find(docId: string): Promise<DocRef | undefined>;
  /** The doc's body as plain text (paragraphs end with `\n`). */
  text(docId: string): Promise<string>;
  /** Applies the requests atomically, in order. */
  update(docId: string, requests: readonly DocsRequest[]): Promise<void>;
}

/**
 * Why a minutes operation failed. `not-shared` and `no-storage` are set-up problems a lead
 * or operator must fix; `retryable` clears by itself (rate limits, outages); `rejected` is
 * any other refusal, which retrying will not change.
 */
export type MinutesDocsFailure = 'not-shared' | 'no-storage' | 'retryable' | 'rejected';

export class MinutesDocsError extends Error {
  override readonly name = 'MinutesDocsError';
  constructor(
    readonly failure: MinutesDocsFailure,
    /** The HTTP status, when there was one. */
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export const isMinutesDocsError = (e: unknown): e is MinutesDocsError => e instanceof MinutesDocsError;
