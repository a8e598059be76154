/**
 * The text layer of RFC 5545: TEXT escaping (§3.3.11) and line folding (§3.1). Lines are
 * folded at 75 octets of UTF-8 and never inside a character.
 */

const MAX_OCTETS = 75;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** One content line folded into physical lines of at most 75 octets each. */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  // A continuation line starts with a space, which counts toward its 75 octets.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > limit) {
      lines.push(current);
      [current, octets, limit] = ['', 0, MAX_OCTETS - 1];
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.map((l, i) => (i === 0 ? l : ` ${l}`));
}

/** The iCalendar object: every content line folded, each ended by CRLF. */
export function joinContentLines(lines: readonly string[]): string {
  return lines.flatMap(foldLine).join('\r\n') + '\r\n';
}
