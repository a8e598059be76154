import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followGroupsFile, type GroupsFollower } from '../../src/config/followGroupsFile.js';
import type { LoadGroupsResult } from '../../src/config/loadGroupsFile.js';
import { type GroupsFileWatch, watchGroupsFile } from '../../src/config/watchGroupsFile.js';

const groupsYaml = (time: string) => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: C0SERVERLESS
    timezone: America/Los_Angeles
    leads: [U0LEAD001]
    meetings:
      - { title: Weekly call, day: thursday, time: "${time}", duration: 1h }
`;

describe('watching the groups file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gavel-watch-'));
  const path = join(dir, 'groups.yml');
  let watch: GroupsFileWatch | undefined;
  afterEach(() => {
    watch?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands over the new groups when an editor replaces the file, and the problems when it is broken', async () => {
    writeFileSync(path, groupsYaml('09:00'));
    const seen: LoadGroupsResult[] = [];
    watch = watchGroupsFile(path, (loaded) => seen.push(loaded), { intervalMs: 10 });

    // Editors write a temporary file and rename it over the original.
    writeFileSync(`${path}.tmp`, groupsYaml('10:30'));
    renameSync(`${path}.tmp`, path);
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5000, interval: 10 });
    const first = seen[0]!;
    expect(first.ok && first.groups[0]?.meetings[0]?.time).toBe('10:30');

    writeFileSync(path, groupsYaml('9 am, roughly'));
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 5000, interval: 10 });
    const second = seen[1]!;
    expect(second.ok).toBe(false);
    expect(second.ok ? [] : second.problems.join('\n')).toContain('groups.serverless.meetings[0].time');
  });
});

describe('following the groups file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gavel-follow-'));
  const path = join(dir, 'groups.yml');
  let follower: GroupsFollower | undefined;
  afterEach(() => {
    follower?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies valid versions in order, skips broken ones, and survives a reload that fails', async () => {
    writeFileSync(path, groupsYaml('09:00'));
    const applied: string[] = [];
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    follower = followGroupsFile(
      path,
      async (groups) => {
        const time = groups[0]?.meetings[0]?.time ?? '';
        if (time === '11:00') throw new Error('channel vanished');
        applied.push(time);
      },
      log,
      { intervalMs: 10 },
    );

    writeFileSync(path, groupsYaml('not a time'));
    await vi.waitFor(() => expect(lines.join('')).toContain('has problems'), { timeout: 5000, interval: 10 });
    writeFileSync(path, groupsYaml('11:00'));
    await vi.waitFor(() => expect(lines.join('')).toContain('could not be applied'), {
      timeout: 5000,
      interval: 10,
    });
    follower.reloadNow();
    writeFileSync(path, groupsYaml('10:30'));
    await vi.waitFor(() => expect(applied).toEqual(['10:30']), { timeout: 5000, interval: 10 });
  });
});
