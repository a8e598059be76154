import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/checkCommand.js';
import { followGroupsFile } from '../../src/config/followGroupsFile.js';
import { parseGroups } from '../../src/config/parseGroups.js';
import type { Group } from '../../src/core/group.js';
import type { Log } from '../../src/core/ports/log.js';
import { occurrencesBetween } from '../../src/core/schedule/occurrences.js';

const NOW = new Date('2026-11-01T12:00:00Z');

const groupsFile = (extra: string, day = 'thursday') => `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - { title: Weekly call, day: ${day}, time: "09:00" }
${extra}`;

const groupOf = (yaml: string): Group => {
  const r = parseGroups(yaml, { now: NOW });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.groups[0]!;
};

const problemsOf = (yaml: string) => {
  const r = parseGroups(yaml, { now: NOW });
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

const cancelledBetween = (g: Group, from: string, to: string) =>
  occurrencesBetween(g, new Date(from), new Date(to))
    .filter((o) => o.cancelled)
    .map((o) => [o.localDate, o.cancelReason, o.cancelledByRule ?? false]);

describe('skip_holidays: public holidays cancel the meetings on them', () => {
  it('cancels a Thursday meeting on US Thanksgiving, named, and a lead may restore it (a rule, not a named date)', () => {
    const g = groupOf(groupsFile('    skip_holidays: [US]'));
    // Christmas Eve is no US public holiday: Thursday 24 Dec goes ahead.
    expect(cancelledBetween(g, '2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      ['2026-11-26', 'Thanksgiving Day', true],
    ]);
    expect(g.cancelReasons?.['2026-11-26']).toBe('Thanksgiving Day');
  });

  it('names holidays in English, counts only public ones, and joins the names of several regions', () => {
    // Friday meetings: 25 Dec 2026 is Christmas Day in the US and in Bavaria; 1 Jan 2027 too.
    const g = groupOf(groupsFile('    skip_holidays: [US, DE-BY]', 'friday'));
    expect(cancelledBetween(g, '2026-12-01T00:00:00Z', '2027-01-10T00:00:00Z')).toEqual([
      ['2026-12-25', 'Christmas Day', true],
      ['2027-01-01', "New Year's Day", true],
    ]);
    // Thursday 24 Dec is Christmas Eve, a half day for German banks, no public holiday.
    const thursdays = groupOf(groupsFile('    skip_holidays: [DE]'));
    expect(cancelledBetween(thursdays, '2026-12-20T00:00:00Z', '2026-12-27T00:00:00Z')).toEqual([]);
    // Corpus Christi, Thu 4 Jun 2026, is a holiday in Bavaria but not in all of Germany.
    expect(
      cancelledBetween(
        groupOf(groupsFile('    skip_holidays: [DE-BY]')),
        '2026-06-01T00:00:00Z',
        '2026-06-07T00:00:00Z',
      ),
    ).toEqual([['2026-06-04', 'Corpus Christi', true]]);
  });

  it('counts a substitute day: the Friday before a Saturday Independence Day', () => {
    const g = groupOf(groupsFile('    skip_holidays: [US]', 'friday'));
    expect(cancelledBetween(g, '2026-06-28T00:00:00Z', '2026-07-05T00:00:00Z')).toEqual([
      ['2026-07-03', 'Independence Day (substitute day)', true],
    ]);
  });

  it('a date also named under cancelled: is the file’s to change (not restorable), its own reason first', () => {
    const g = groupOf(
      groupsFile(`    skip_holidays: [US]
    cancelled: [{ date: 2026-11-26, reason: Offsite }, 2026-12-24]`),
    );
    expect(cancelledBetween(g, '2026-11-20T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      ['2026-11-26', 'Offsite', false],
    ]);
    expect(g.ruleCancelled).not.toContain('2026-11-26');
  });

  it.each([
    ['[XX]', 'groups.serverless.skip_holidays[0]: XX: no public holidays are known for the country XX'],
    [
      '[US, DE-ZZ]',
      'groups.serverless.skip_holidays[1]: DE-ZZ: ZZ is not a state of DE (known: BB, BE, BW, BY,',
    ],
    ['[us]', 'groups.serverless.skip_holidays[0]: us: expected a country code like US or GB'],
    ['[USA]', 'groups.serverless.skip_holidays[0]: USA: expected a country code like US or GB'],
    ['[DE-BY-ZZ]', 'groups.serverless.skip_holidays[0]: DE-BY-ZZ: ZZ is not a region of DE-BY'],
    ['US', 'groups.serverless.skip_holidays: '],
  ])('an unknown region %s is a groups-file error with its path', (regions, problem) => {
    const problems = problemsOf(groupsFile(`    skip_holidays: ${regions}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});

describe('an unknown holiday region in the groups file on disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const write = (text: string) => {
    dir ??= mkdtempSync(join(tmpdir(), 'gavel-holidays-'));
    const path = join(dir, 'groups.yml');
    writeFileSync(path, text);
    return path;
  };

  it('is reported by gavel check with its path', async () => {
    const path = write(groupsFile('    skip_holidays: [US, XX]'));
    const run = await checkCommand({ env: { GROUPS_FILE: path }, envSource: 'test', remote: false });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${path}: groups.serverless.skip_holidays[1]: XX: no public holidays`);
  });

  it('is logged at reload, and the running groups keep running', async () => {
    const path = write(groupsFile('    skip_holidays: [US]'));
    const reloads: (readonly Group[])[] = [];
    const errors: unknown[] = [];
    const log = {
      error: (fields: unknown) => errors.push(fields),
      info: () => {},
      warn: () => {},
    } as unknown as Log;
    let reloaded: () => void = () => {};
    const follower = followGroupsFile(
      path,
      async (groups) => {
        reloads.push(groups);
        reloaded();
      },
      log,
      { intervalMs: 60_000 },
    );
    try {
      writeFileSync(path, groupsFile('    skip_holidays: [US, DE-XX]'));
      follower.reloadNow();
      writeFileSync(path, groupsFile('    skip_holidays: [GB]'));
      const done = new Promise<void>((resolve) => (reloaded = resolve));
      follower.reloadNow();
      await done;
    } finally {
      follower.stop();
    }
    // The file watcher may read a version too; every broken one is logged, none applied.
    expect(JSON.stringify(errors)).toContain(
      `${path}: groups.serverless.skip_holidays[1]: DE-XX: XX is not a state of DE`,
    );
    expect(reloads.length).toBeGreaterThanOrEqual(1);
    expect(reloads.every((groups) => groups[0]!.cancelReasons?.['2026-12-24'] === undefined)).toBe(true);
  });
});
