import { countLines } from '../agenda/agendaCounts.js';
import type { Group } from '../group.js';

/**
 * Where a group's agenda comes from besides `/agenda add`, for `gavel preview`: the standing
 * items that head every agenda and the GitHub counts refreshed before each reminder and doc.
 * Empty when the groups file configures neither.
 */
export function agendaSourceLines(group: Pick<Group, 'agendaStanding' | 'agendaCounts'>): string[] {
  const standing = group.agendaStanding ?? [];
  const counts = group.agendaCounts ?? [];
  if (standing.length === 0 && counts.length === 0) return [];
  return [
    '  Agenda sources (besides /agenda add):',
    ...standing.map((s, i) => `     standing ${i + 1}  ${s}   (heads every agenda, not numbered)`),
    ...countLines(counts, []).map(
      (line, i) =>
        `     count      ${line.title}: ${counts[i]!.query}\n                ${line.url}   (counted on GitHub before each reminder and the minutes doc)`,
    ),
  ];
}
