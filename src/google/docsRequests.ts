import type { DocParagraph, ParagraphStyle, ParagraphsAt, TemplateFill } from '../core/ports/minutesDocs.js';

/**
 * One edit of a Docs `documents.batchUpdate`, in the wire format (the subset gavel sends).
 * Indexes are UTF-16 code units, as in Docs; index 1 is the start of the body (index 0 is
 * its section break), so offset `n` into the doc's text is index `n + 1`.
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
        readonly paragraphStyle: { readonly namedStyleType: NamedStyle };
        readonly fields: 'namedStyleType';
      };
    };

type NamedStyle = 'HEADING_2' | 'HEADING_3' | 'NORMAL_TEXT';

const NAMED_STYLE: Record<ParagraphStyle, NamedStyle> = {
  heading: 'HEADING_2',
  subheading: 'HEADING_3',
  normal: 'NORMAL_TEXT',
};

/** One case-sensitive replaceAllText per placeholder, in the order given. */
export const fillRequests = (fills: readonly TemplateFill[]): DocsRequest[] =>
  fills.map((f) => ({
    replaceAllText: { containsText: { text: f.placeholder, matchCase: true }, replaceText: f.text },
  }));

/**
 * One insertText with every paragraph, then each paragraph's style by its exact range:
 * inserted text would otherwise take on the style of the paragraph it lands in (often the
 * doc's title). After the last paragraph, the text goes in before that paragraph's newline,
 * each new paragraph starting with its own.
 */
export function paragraphRequests(at: ParagraphsAt, paragraphs: readonly DocParagraph[]): DocsRequest[] {
  const after = 'after' in at;
  const index = after ? Math.max(1, at.after) : at.before + 1;
  const text = paragraphs.map((p) => (after ? `\n${p.text}` : `${p.text}\n`)).join('');
  const styles: DocsRequest[] = [];
  let start = after ? index + 1 : index;
  for (const p of paragraphs) {
    const end = start + p.text.length + 1;
    styles.push({
      updateParagraphStyle: {
        range: { startIndex: start, endIndex: end },
        paragraphStyle: { namedStyleType: NAMED_STYLE[p.style] },
        fields: 'namedStyleType',
      },
    });
    start = end;
  }
  return [{ insertText: { location: { index }, text } }, ...styles];
}
