/**
 * Text length as people count it: one emoji (even 👩🏽‍💻, several code points) is one
 * character. Limits ("300 characters") are stated and checked in these units.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const characterCount = (s: string): number => Array.from(graphemes.segment(s)).length;

/** Cuts to at most `max` characters, ending with `…` when cut; never splits an emoji. */
export function clipCharacters(s: string, max: number): string {
  const parts = Array.from(graphemes.segment(s), (g) => g.segment);
  return parts.length <= max ? s : `${parts.slice(0, max - 1).join('')}…`;
}
