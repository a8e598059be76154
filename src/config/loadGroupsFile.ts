import { existsSync, readFileSync } from 'node:fs';
import type { DigestSettings } from '../core/digest/digestSettings.js';
import type { Group } from '../core/group.js';
import { parseGroups } from './parseGroups.js';

export const DEFAULT_GROUPS_FILE = 'config/groups.yml';
export const EXAMPLE_GROUPS_FILE = 'config/groups.example.yml';

export type LoadGroupsResult =
  | {
      readonly ok: true;
      readonly groups: readonly Group[];
      readonly digest: DigestSettings | undefined;
      readonly path: string;
      readonly usedExample: boolean;
    }
  | { readonly ok: false; readonly path: string; readonly problems: readonly string[] };

/**
 * Reads the groups file. With no GROUPS_FILE and no config/groups.yml, the example is used
 * (with a warning from the caller) so a first start shows something instead of failing.
 * `now` places `skip_holidays` (their years are worked out around it).
 */
export function loadGroupsFile(configured: string | undefined, now: Date = new Date()): LoadGroupsResult {
  const usedExample = configured === undefined && !existsSync(DEFAULT_GROUPS_FILE);
  const path = configured ?? (usedExample ? EXAMPLE_GROUPS_FILE : DEFAULT_GROUPS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    return { ok: false, path, problems: [`${path}: ${reason}`] };
  }
  const parsed = parseGroups(text, { now });
  return parsed.ok
    ? { ok: true, groups: parsed.groups, digest: parsed.digest, path, usedExample }
    : { ok: false, path, problems: parsed.problems.map((p) => `${path}: ${p}`) };
}
