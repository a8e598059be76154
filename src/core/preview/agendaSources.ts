import type { Group } from '../group.js';

/**
 * Where a group's agenda comes from besides `/agenda add`, as the preview lists it: one line
 * per source (GitHub-labelled issues and pull requests). Empty when there is none.
 */
export function agendaSourceLines(group: Pick<Group, 'agendaGithub'>): string[] {
  const github = group.agendaGithub;
  if (!github) return [];
  const where = github.repos.map((r) => (r.endsWith('/*') ? `every repository of ${r.slice(0, -2)}` : r));
  return [
    `  Agenda from GitHub: open issues and pull requests labelled "${github.label}" in ${where.join(', ')}`,
  ];
}
