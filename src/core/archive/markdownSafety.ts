/**
 * What people typed, made safe to commit into a repository as Markdown. GitHub renders a
 * repository's Markdown with its own sanitiser, but a file is also read in editors, by static
 * site generators and by other renderers that are less careful, and a pull request's body
 * notifies whoever it @mentions. So nothing typed may become HTML (a `<script>`, an `<img
 * onerror>`), a mention of a person or team, or a line of its own (new front matter, a
 * heading that is not gavel's).
 */

/** A zero-width space as an entity: `@alice` still reads as such, but no longer mentions anyone. */
const ZERO_WIDTH = '&#8203;';

/** `@login` or `@org/team` where GitHub would see a mention: at the start or after a non-word character. */
const MENTION = /(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9])/gm;

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** One line of text a user typed (a topic, a decision, a name): no HTML, no mentions, no new lines. */
export function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => HTML_SPECIAL[c]!)
    .replace(MENTION, `$1@${ZERO_WIDTH}`);
}

/**
 * A block of Markdown written by people (the minutes doc, as Drive exports it): its structure
 * stays, but `<` no longer opens a tag and no one is mentioned. A `<` in a code span then reads
 * `&lt;`, a small price against raw HTML in a governance record.
 */
export function blockText(markdown: string): string {
  return markdown.replace(/\r\n?/g, '\n').replace(/</g, '&lt;').replace(MENTION, `$1@${ZERO_WIDTH}`);
}

/** A value for YAML front matter: always a double-quoted scalar, so no text can end the block. */
export const yamlString = (value: string): string => JSON.stringify(value);

/**
 * At most `max` characters of a block, cut at a line's end, with what was left out said at the
 * cut. `note` is Markdown gavel writes (it may link the full text).
 */
export function boundBlock(text: string, max: number, note: string): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.lastIndexOf('\n', max);
  const kept = text.slice(0, cut > max / 2 ? cut : max).trimEnd();
  return { text: `${kept}\n\n${note}`, clipped: true };
}

/**
 * A URL as the target of a Markdown link: characters that would end the link (or open HTML)
 * are percent-encoded, which leaves the address itself unchanged.
 */
export const linkUrl = (url: string): string =>
  url.replace(/[()<>\s"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
