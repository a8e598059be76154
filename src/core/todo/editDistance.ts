/** Words longer than this are never compared: no subcommand is near them, and the cost stays bounded. */
const MAX_COMPARED = 32;

/**
 * The optimal-string-alignment distance (Damerau–Levenshtein with no substring edited twice):
 * insertions, deletions, substitutions and swaps of two neighbours each cost one, so
 * `lsit` → `list` and `dnoe` → `done` are 1. Counted in code points; words over 32 of them
 * are given `Infinity` without being compared.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length > MAX_COMPARED || t.length > MAX_COMPARED) return Infinity;
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[s.length]![t.length]!;
}
