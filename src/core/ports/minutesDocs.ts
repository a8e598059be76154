/** A minutes doc gavel created or found: its id and the link people open. */
export interface DocRef {
  readonly id: string;
  readonly url: string;
}

/** How a paragraph gavel writes reads: a meeting's heading, a part of it, or text. */
export type ParagraphStyle = 'heading' | 'subheading' | 'normal';

/** One paragraph gavel writes into a doc: its text (no newline) and how it reads. */
export interface DocParagraph {
  readonly text: string;
  readonly style: ParagraphStyle;
}

/** A placeholder of a template (`{{title}}`) and the text every occurrence of it becomes. */
export interface TemplateFill {
  readonly placeholder: string;
  readonly text: string;
}

/**
 * Where new paragraphs go, as an offset into the doc's text (what `text()` returns):
 * `before` the paragraph that starts at the offset (0 is the top of the doc), or `after` the
 * paragraph that ends, newline included, at the offset: how a last paragraph is added, since
 * a doc's final newline is its own and nothing can be written behind it.
 */
export type ParagraphsAt = { readonly before: number } | { readonly after: number };

/**
 * The minutes documents, whatever stores them (Google Drive and Docs in production).
 * Every failure is a MinutesDocsError saying whether trying again can help. Each write is
 * one atomic edit of the doc.
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
  /**
   * The doc as Markdown, as Drive exports it (`files.export` to `text/markdown`): headings as
   * `#` lines, lists, links. What the repository archive publishes.
   */
  markdown(docId: string): Promise<string>;
  /** Replaces every occurrence of each placeholder (case-sensitive), one after the other, in order. */
  fillTemplate(docId: string, fills: readonly TemplateFill[]): Promise<void>;
  /** Writes the paragraphs, in order and each with its style, at one place in the doc. */
  insertParagraphs(docId: string, at: ParagraphsAt, paragraphs: readonly DocParagraph[]): Promise<void>;
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
