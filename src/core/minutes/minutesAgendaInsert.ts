import type { DocParagraph, ParagraphsAt } from '../ports/minutesDocs.js';
import { NO_AGENDA } from './minutesPlaceholders.js';
import { looksLikeSectionHeading } from './runningSection.js';

export type MinutesAgendaInsert =
  | { readonly kind: 'present' }
  /** A running doc without the meeting's heading (someone renamed it): nothing is written. */
  | { readonly kind: 'no-section' }
  | { readonly kind: 'insert'; readonly at: ParagraphsAt; readonly paragraph: DocParagraph };

/** The agenda item, as the doc lists it (agendaLine) and as a retry recognises it. */
export interface AgendaEntry {
  readonly number: number;
  /** The topic as the doc shows it (slackToPlain). */
  readonly topic: string;
  /** The whole line: `3. Discuss CloudEvents 2.0 (Alice)`. */
  readonly line: string;
}

const AGENDA_HEADING = /^agenda:?$/i;
/**
 * A line of the agenda as gavel writes it (`3. Topic (Alice)`, a standing item or count
 * `• …`), or the empty agenda's sentence.
 */
const isAgendaLine = (line: string) => /^(?:\d+\. |\u2022 )/.test(line.trim()) || line.trim() === NO_AGENDA;
/** The parts of a meeting's minutes, gavel's and the usual templates': where a list stops. */
const PART_HEADING =
  /^(?:agenda|notes|decisions|attendees|participants|action items\b.*|.*what\s*\/\s*who\s*\/\s*when.*)\s*:?$/i;
const isListLine = (line: string) => line.trim() !== '' && !PART_HEADING.test(line.trim());

/**
 * Where an agenda item added after the doc was made goes: after the meeting's agenda (the
 * lines under its `Agenda` heading, or from the lines createMinutes filled `{{agenda}}` with,
 * up to a blank line or the next part's heading), so what people wrote there stays as it is and the items stay in the order they were
 * added. In a running doc only inside `sectionHeading`'s section. `present` when the section
 * already lists the item (its number, topic and the author's opening parenthesis: people may
 * add to the line after that), so a retry never writes it twice. Without any agenda in the
 * section, at the section's end. Pure: `docText` is the body, paragraphs ending in `\n`.
 */
export function minutesAgendaInsert(
  docText: string,
  entry: AgendaEntry,
  sectionHeading?: string,
): MinutesAgendaInsert {
  const lines = docText.split('\n');
  const last = lines.length - 1;
  const start = sectionHeading === undefined ? 0 : lines.findIndex((l) => l.trim() === sectionHeading);
  if (start === -1) return { kind: 'no-section' };
  const next =
    sectionHeading === undefined
      ? -1
      : lines.findIndex((l, i) => i > start && i < last && looksLikeSectionHeading(l));
  const end = next === -1 ? last : next;
  const inSection = (i: number) => i >= start && i < end;

  const known = `${entry.number}. ${entry.topic} (`;
  if (lines.some((l, i) => inSection(i) && l.trim().startsWith(known))) return { kind: 'present' };

  const heading = lines.findIndex((l, i) => inSection(i) && AGENDA_HEADING.test(l.trim()));
  let from: number;
  if (heading !== -1) {
    from = heading + 1;
    while (from < end && lines[from]!.trim() === '') from++;
  } else {
    from = lines.findIndex((l, i) => inSection(i) && isAgendaLine(l));
  }
  let at: number;
  if (from === -1) at = end;
  else if (!isAgendaLine(lines[from] ?? '')) at = heading + 1;
  else {
    // Past the agenda's lines and the notes people wrote under them (a note stays with its
    // item), up to the blank line or the next part's heading.
    at = from + 1;
    while (at < end && isListLine(lines[at]!)) at++;
  }
  const offset = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
  const where: ParagraphsAt = at >= last && offset > 0 ? { after: offset } : { before: offset };
  return { kind: 'insert', at: where, paragraph: { text: entry.line, style: 'normal' } };
}
