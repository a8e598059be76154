/**
 * The least string above every string that starts with `prefix`, in code-point order; undefined
 * when there is none (an empty prefix, or one made only of U+10FFFF).
 *
 * Code-point order is what both engines use for a byte-wise comparison of UTF-8 text (SQLite's
 * BINARY collation, PostgreSQL's "C"), so `key >= prefix AND key < upper` selects exactly the
 * keys starting with `prefix` and can be answered from an index on key. JavaScript's own `<`
 * compares UTF-16 code units, which orders U+E000…U+FFFF after astral characters: hence code
 * points here, and why `prefix + '\uffff'` would miss keys continuing with an emoji.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = Array.from(prefix); // code points, not UTF-16 units
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      // Surrogates are not characters in UTF-8: the next one after U+D7FF is U+E000.
      const next = last >= 0xd7ff && last < 0xe000 ? 0xe000 : last + 1;
      return points.join('') + String.fromCodePoint(next);
    }
    // U+10FFFF cannot be incremented: carry into the character before it.
  }
  return undefined;
}
