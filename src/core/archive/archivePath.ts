import type { LocalDate } from '../ids.js';

/**
 * Where a meeting's file goes in the repository: a pattern such as `meetings/{yyyy}/{date}.md`
 * filled in with the meeting's local date (in the group's zone, as people name meetings), the
 * group's id and the meeting's id from the groups file (for a group meeting twice a day).
 */
export interface ArchivePathValues {
  readonly date: LocalDate;
  readonly groupId: string;
  readonly meetingId: string;
}

const PLACEHOLDERS = ['yyyy', 'mm', 'dd', 'date', 'group', 'meeting'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** A file path in a repository: relative, `/`-separated, of plain segments. */
const SEGMENT = /^[A-Za-z0-9._-]+$/;

export const MAX_ARCHIVE_PATH = 200;

/**
 * Why a path pattern cannot be used, or undefined when it can. Each meeting must get a file of
 * its own, so the pattern must name the date, and what it names must be a plain relative path
 * ending in `.md` (no `..`, no leading `/`, no `.git`).
 */
export function archivePatternProblem(pattern: string): string | undefined {
  const names = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const unknown = names.find((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown !== undefined) {
    return `{${unknown}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  }
  const hasDate = names.includes('date') || ['yyyy', 'mm', 'dd'].every((n) => names.includes(n));
  if (!hasDate) return 'the path must name the date: {date}, or {yyyy}, {mm} and {dd}';
  const example = fillArchivePattern(pattern, {
    date: '2026-12-03' as LocalDate,
    groupId: 'group',
    meetingId: 'meeting',
  });
  return filePathProblem(example);
}

/** Why a filled-in path is not a plain relative Markdown file path, or undefined. */
export function filePathProblem(path: string): string | undefined {
  if (path.length > MAX_ARCHIVE_PATH) return `a path can be at most ${MAX_ARCHIVE_PATH} characters`;
  if (!path.endsWith('.md')) return 'the path must end in .md';
  const segments = path.split('/');
  const bad = segments.find((s) => !SEGMENT.test(s) || s === '.' || s === '..' || s.toLowerCase() === '.git');
  if (bad !== undefined) {
    return 'a path is relative, made of letters, digits, ".", "_" and "-" between "/"s (no "..", no leading "/")';
  }
  return undefined;
}

export function fillArchivePattern(pattern: string, v: ArchivePathValues): string {
  const [yyyy, mm, dd] = v.date.split('-') as [string, string, string];
  const values: Record<Placeholder, string> = {
    yyyy,
    mm,
    dd,
    date: v.date,
    group: v.groupId,
    meeting: v.meetingId,
  };
  return pattern.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in values ? values[name as Placeholder] : whole,
  );
}

/** The path of `to` as a relative link from the file at `from` (both from the repository's root). */
export function relativeLink(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) {
    common += 1;
  }
  const ups = fromDirs.slice(common).map(() => '..');
  return [...ups, ...toParts.slice(common)].join('/');
}
