import { countLines } from '../agenda/agendaCounts.js';
import type { Group } from '../group.js';

/**
 * Where a group's agenda comes from besides `/agenda add`, for `gavel preview`: the standing
 * items that head every agenda, the issues and pull requests labelled for it on GitHub, and
 * the GitHub counts refreshed before each reminder and doc. Empty when the groups file
 * configures none of them.
 */
export function agendaSourceLines(
  group: Pick<Group, 'agendaStanding' | 'agendaCounts' | 'agendaGithub'>,
): string[] {
  const standing = group.agendaStanding ?? [];
  const counts = group.agendaCounts ?? [];
  const github = group.agendaGithub;
  if (standing.length === 0 && counts.length === 0 && !github) return [];
  return [
    '  Agenda sources (besides /agenda add):',
    ...standing.map((s, i) => `     standing ${i + 1}  ${s}   (heads every agenda, not numbered)`),
    ...(github ? [`     github     ${labelledSource(github)}`] : []),
    ...countLines(counts, []).map(
      (line, i) =>
        `     count      ${line.title}: ${counts[i]!.query}\n                ${line.url}   (counted on GitHub before each reminder and the minutes doc)`,
    ),
  ];
}

function labelledSource(github: NonNullable<Group['agendaGithub']>): string {
  const where = github.repos.map((r) => (r.endsWith('/*') ? `every repository of ${r.slice(0, -2)}` : r));
  return `open issues and pull requests labelled "${github.label}" in ${where.join(', ')}`;
}
