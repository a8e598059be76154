import { describe, expect, it } from 'vitest';
import { minutesItemInsert, minutesItemLine } from '../../src/core/todo/minutesItemInsert.js';
import { type DocsRequest, paragraphRequests } from '../../src/google/docsRequests.js';

/** Applies the inserts to plain text the way Docs does (index 1 is the first character). */
function apply(text: string, requests: readonly DocsRequest[]): string {
  let out = text;
  for (const r of requests) {
    if ('insertText' in r) {
      const at = r.insertText.location.index - 1;
      out = out.slice(0, at) + r.insertText.text + out.slice(at);
    }
  }
  return out;
}

function add(doc: string, line: string, number: number, section?: string): string {
  const result = minutesItemInsert(doc, line, number, section);
  if (result.kind === 'present') return doc;
  const requests = paragraphRequests(result.at, [result.paragraph]);
  for (const r of requests) {
    if ('insertText' in r) expect(r.insertText.location.index).toBeLessThan(doc.length + 1);
  }
  return apply(doc, requests);
}

describe('writing action items into the minutes', () => {
  it('writes What — Who — When with the item number', () => {
    expect(
      minutesItemLine(
        { number: 12, text: 'Write the <https://x.test|post>', owners: ['U1', 'U2'], dueDate: '2026-12-07' },
        { U1: 'Alice' },
      ),
    ).toBe('#12 Write the post (https://x.test) — Alice, @U2 — 2026-12-07');
  });

  it('goes under the items heading, after the items already there, in order', () => {
    let doc = 'Notes\nShared To Do: What / Who / When\n\nThe end\n';
    doc = add(doc, '#1 A — Alice — no date', 1);
    doc = add(doc, '#2 B — Bob — 2026-12-07', 2);
    expect(doc).toBe(
      'Notes\nShared To Do: What / Who / When\n#1 A — Alice — no date\n#2 B — Bob — 2026-12-07\n\nThe end\n',
    );
    expect(add(doc, '#2 B — Bob — 2026-12-07', 2)).toBe(doc);
  });

  it('keeps items in number order whichever is written first', () => {
    let doc = 'Action items\n\n';
    doc = add(doc, '#3 C — Alice — no date', 3);
    doc = add(doc, '#2 B — Bob — no date', 2);
    expect(doc).toBe('Action items\n#2 B — Bob — no date\n#3 C — Alice — no date\n\n');
  });

  it('uses the meeting’s own section of a running doc', () => {
    const doc = [
      'Weekly call — Thursday 3 December 2026',
      'Action items (What / Who / When)',
      '',
      'Weekly call — Thursday 26 November 2026',
      'Action items (What / Who / When)',
      '',
      '',
    ].join('\n');
    expect(add(doc, '#5 Later — Alice — no date', 5, 'Weekly call — Thursday 26 November 2026')).toBe(
      doc.replace(
        /(26 November 2026\nAction items \(What \/ Who \/ When\)\n)/,
        '$1#5 Later — Alice — no date\n',
      ),
    );
  });

  it('adds a last paragraph when there is no heading, or the heading is the last line', () => {
    expect(add('Notes only\n', '#1 A — Alice — no date', 1)).toBe('Notes only\n#1 A — Alice — no date\n');
    expect(add('Action items\n', '#1 A — Alice — no date', 1)).toBe('Action items\n#1 A — Alice — no date\n');
  });
});
