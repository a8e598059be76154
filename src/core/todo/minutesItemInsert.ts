import { actionItemLine } from '../minutes/actionItemLines.js';
import type { DocParagraph, ParagraphsAt } from '../ports/minutesDocs.js';

export interface MinutesItem {
  readonly number: number;
  readonly text: string;
  readonly owners: readonly string[];
  readonly dueDate: string | null;
}

export type MinutesItemInsert =
  | { readonly kind: 'present' }
  | { readonly kind: 'insert'; readonly at: ParagraphsAt; readonly paragraph: DocParagraph };

/**
 * A heading that opens the action items of a meeting: gavel's own running-doc heading
 * ("Action items (What / Who / When)") or a template's ("Shared To Do: What / Who / When").
 */
const ITEMS_HEADING = /^action items\b|what\s*\/\s*who\s*\/\s*when/i;
/** A line gavel wrote for an item: `#12 Write the post — Alice — 2026-12-07`. */
const ITEM_LINE = /^#(\d+) /;
const itemNumberOf = (line: string): number => Number(ITEM_LINE.exec(line)?.[1] ?? Infinity);

/** The doc's line for an item: its number (what makes a retry find it), What — Who — When. */
export const minutesItemLine = (item: MinutesItem, names: Readonly<Record<string, string>>): string =>
  `#${item.number} ${actionItemLine(item, names)}`;

/**
 * Where an item goes in a meeting's minutes: under the first action-items heading (after
 * `sectionHeading` in a running doc), after the items already written there, so they stay in
 * the order of their numbers; at the end of the doc when it has no such heading. Nothing
 * when the doc already has the item's line: a retried job never writes it twice. Pure:
 * `docText` is the body as plain text, paragraphs ending in `\n`.
 */
export function minutesItemInsert(
  docText: string,
  line: string,
  number: number,
  sectionHeading?: string,
): MinutesItemInsert {
  const lines = docText.split('\n');
  if (lines.some((l) => l.startsWith(`#${number} `))) return { kind: 'present' };
  const from = sectionHeading
    ? Math.max(
        0,
        lines.findIndex((l) => l.trim() === sectionHeading),
      )
    : 0;
  const heading = lines.findIndex((l, i) => i >= from && ITEMS_HEADING.test(l.trim()));
  let at = heading === -1 ? lines.length - 1 : heading + 1;
  while (at < lines.length - 1 && itemNumberOf(lines[at]!) < number) at++;
  // Offsets in UTF-16 code units (string lengths), as Docs counts; `lines.length - 1` is past
  // the final newline, where the item becomes the doc's new last paragraph.
  const offset = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
  const where: ParagraphsAt = at >= lines.length - 1 ? { after: offset } : { before: offset };
  return { kind: 'insert', at: where, paragraph: { text: line, style: 'normal' } };
}
