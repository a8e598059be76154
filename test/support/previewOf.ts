import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewCommand } from '../../src/cli/previewCommand.js';

/** What `gavel preview <group> --now <now>` prints for a groups file of this text. */
export function previewOf(groupsYaml: string, now: string, groupId = 'serverless') {
  const dir = mkdtempSync(join(tmpdir(), 'gavel-preview-'));
  try {
    writeFileSync(join(dir, 'groups.yml'), groupsYaml);
    return previewCommand({ env: { GROUPS_FILE: join(dir, 'groups.yml') }, groupId, now: new Date(now) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
