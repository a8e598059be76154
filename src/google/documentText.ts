import type { docs_v1 } from '@googleapis/docs';

/**
 * The body of a Docs document as plain text: every text run in order, tables cell by cell.
 * Enough to look for a heading or a placeholder; styles and objects are ignored.
 */
export function documentText(doc: docs_v1.Schema$Document): string {
  return elementsText(doc.body?.content ?? []);
}

function elementsText(content: readonly docs_v1.Schema$StructuralElement[]): string {
  let text = '';
  for (const el of content) {
    for (const p of el.paragraph?.elements ?? []) text += p.textRun?.content ?? '';
    for (const row of el.table?.tableRows ?? []) {
      for (const cell of row.tableCells ?? []) text += elementsText(cell.content ?? []);
    }
  }
  return text;
}
