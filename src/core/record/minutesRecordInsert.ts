import { looksLikeSectionHeading } from '../minutes/runningSection.js';
import { slackToPlain, type UserNames } from '../minutes/slackToPlain.js';
import type { DocParagraph, ParagraphsAt } from '../ports/minutesDocs.js';

/** What of the meeting record gavel writes into its minutes: one paragraph each. */
export type RecordEntry =
  | { readonly kind: 'attendee'; readonly line: string }
  | { readonly kind: 'decision'; readonly number: number; readonly line: string }
  | { readonly kind: 'recording'; readonly url: string };

export type MinutesRecordInsert =
  | { readonly kind: 'present' }
  | { readonly kind: 'insert'; readonly at: ParagraphsAt; readonly paragraphs: DocParagraph[] };

/** A paragraph is one line: a newline in a name or a decision would split it in two. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** `Alice Example (Google)`; just the name for someone without an organisation. */
export const attendeeLine = (name: string, organization: string | undefined): string =>
  oneLine(organization ? `${name} (${organization})` : name);

/** `Decision #3: Adopt v1.0`: its number is what makes a retry find it. */
export const decisionLine = (number: number, text: string, names: UserNames = {}): string =>
  `Decision #${number}: ${oneLine(slackToPlain(text, names))}`;

export const recordingLine = (url: string): string => `Recording: ${url}`;

const ATTENDEES_HEADING = /^(?:attendees|participants):?$/i;
const DECISIONS_HEADING = /^decisions:?$/i;
const DECISION_LINE = /^Decision #(\d+):/;
/** The action items' heading: gavel's running-doc one or a template's "What / Who / When". */
const ITEMS_HEADING = /^action items\b|what\s*\/\s*who\s*\/\s*when/i;
/** The parts of a meeting's minutes, gavel's and the usual templates': where a list stops. */
const PART_HEADING =
  /^(?:agenda|notes|decisions|attendees|participants|action items\b.*|.*what\s*\/\s*who\s*\/\s*when.*)\s*:?$/i;

const ENTRY_LINE = /^(?:#\d+ |Decision #\d+:|Recording: )/;
/** Lines gavel writes itself never count as a section's heading, whatever a user put in them. */
const isSectionHeading = (line: string) => looksLikeSectionHeading(line) && !ENTRY_LINE.test(line.trim());

/** A line of a list under a part's heading: not blank, not the next part. */
const isListLine = (line: string) => line.trim() !== '' && !PART_HEADING.test(line.trim());

/**
 * The meeting's lines: from its first line (the section heading, or a per-meeting doc's
 * title) up to, not including, `end`: the next section's heading, or the empty string past
 * the doc's final newline.
 */
interface Section {
  readonly start: number;
  readonly end: number;
}

/**
 * A per-meeting doc is one section. In a running doc it is the heading's section; when the
 * heading is missing (someone renamed it), the top of the doc up to the next heading: the
 * newest meeting, as minutesItemInsert falls back to the top.
 */
function sectionOf(lines: readonly string[], heading: string | undefined): Section {
  const last = lines.length - 1;
  if (heading === undefined) return { start: 0, end: last };
  const start = Math.max(
    0,
    lines.findIndex((l) => l.trim() === heading),
  );
  const next = lines.findIndex((l, i) => i > start && i < last && isSectionHeading(l));
  return { start, end: next === -1 ? last : next };
}

const findIn = (lines: readonly string[], s: Section, pattern: RegExp): number =>
  lines.findIndex((l, i) => i > s.start && i < s.end && pattern.test(l.trim()));

const linesOf = (lines: readonly string[], s: Section): readonly string[] => lines.slice(s.start, s.end);

/**
 * Paragraphs to insert before line `index`. Offsets count UTF-16 code units (string
 * lengths), as Docs does; the empty string past the final newline is where a new last
 * paragraph goes, written `after` the one that ends there (the ParagraphsAt rule).
 */
function insertAt(lines: readonly string[], index: number, paragraphs: DocParagraph[]): MinutesRecordInsert {
  const last = lines.length - 1;
  const i = Math.min(index, last);
  const offset = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const at: ParagraphsAt = i >= last && offset > 0 ? { after: offset } : { before: offset };
  return { kind: 'insert', at, paragraphs };
}

const normal = (text: string): DocParagraph => ({ text, style: 'normal' });
const subheading = (text: string): DocParagraph => ({ text, style: 'subheading' });

/**
 * Where an entry of the meeting record goes in its minutes (after `sectionHeading` in a
 * running doc, never in another meeting's section), or `present` when the doc already has
 * it: a retried job never writes it twice. Pure: `docText` is the body as plain text,
 * paragraphs ending in `\n`.
 * - an attendee: after the names under the section's `Attendees`/`Participants` heading;
 *   without one, a new `Attendees` heading and the name at the top of the section.
 * - a decision: under the section's `Decisions` heading in number order; without one, a
 *   new heading and the line at the end of the section.
 * - the recording: at the top of the section. A recording line with another URL does not
 *   stop it: the newer link goes above, the old one stays for people to judge.
 */
export function minutesRecordInsert(
  docText: string,
  entry: RecordEntry,
  sectionHeading?: string,
): MinutesRecordInsert {
  const lines = docText.split('\n');
  const section = sectionOf(lines, sectionHeading);
  switch (entry.kind) {
    case 'attendee':
      return attendeeInsert(lines, section, entry.line);
    case 'decision':
      return decisionInsert(lines, section, entry.number, entry.line);
    case 'recording':
      return recordingInsert(lines, section, recordingLine(entry.url));
  }
}

function attendeeInsert(lines: readonly string[], s: Section, line: string): MinutesRecordInsert {
  const heading = findIn(lines, s, ATTENDEES_HEADING);
  if (heading === -1) return insertAt(lines, s.start + 1, [subheading('Attendees'), normal(line)]);
  let at = heading + 1;
  for (; at < s.end && isListLine(lines[at]!); at++) {
    if (lines[at]!.trim() === line) return { kind: 'present' };
  }
  return insertAt(lines, at, [normal(line)]);
}

const decisionNumberOf = (line: string): number | undefined => {
  const digits = DECISION_LINE.exec(line.trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
};

function decisionInsert(
  lines: readonly string[],
  s: Section,
  number: number,
  line: string,
): MinutesRecordInsert {
  if (linesOf(lines, s).some((l) => decisionNumberOf(l) === number)) return { kind: 'present' };
  const heading = findIn(lines, s, DECISIONS_HEADING);
  if (heading === -1) {
    // Before the action items, where the meeting's outcome is read together; at the end of the
    // section only when it has none (the end of a running doc's last section may be its title).
    const items = findIn(lines, s, ITEMS_HEADING);
    return insertAt(lines, items === -1 ? s.end : items, [subheading('Decisions'), normal(line)]);
  }
  let at = heading + 1;
  // Past the smaller numbers and any note a person wrote among them.
  while (at < s.end && isListLine(lines[at]!) && (decisionNumberOf(lines[at]!) ?? -Infinity) < number) at++;
  return insertAt(lines, at, [normal(line)]);
}

function recordingInsert(lines: readonly string[], s: Section, line: string): MinutesRecordInsert {
  if (linesOf(lines, s).some((l) => l.trim() === line)) return { kind: 'present' };
  return insertAt(lines, s.start + 1, [normal(line)]);
}
