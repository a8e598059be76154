import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GROUPS_FILE, loadGroupsFile } from '../../src/config/loadGroupsFile.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/startSandbox.js';
import { silentLogger } from '../support/databases.js';

// The example groups file: #serverless meets Thursdays 09:00 in Los Angeles (17:00 UTC) with
// reminders 24 hours and 10 minutes before. The sandbox starts at 01:30 that Thursday, 7.5
// hours before the meeting: its 24-hour reminder was due 16.5 hours ago.
const THURSDAY_0130_LA = Date.parse('2026-11-26T09:30:00.000Z');
const MEETING = '2026-11-26T17:00:00.000Z';
const NEXT_WEEK = '2026-12-03T17:00:00.000Z';

describe('the sandbox’s first start', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const groups = loadGroupsFile(EXAMPLE_GROUPS_FILE);
    if (!groups.ok) throw new Error(groups.problems.join('; '));
    sandbox = await startSandbox({
      groups: groups.groups,
      port: 0,
      host: '127.0.0.1',
      log: silentLogger,
      now: () => THURSDAY_0130_LA,
    });
  });
  afterAll(() => sandbox.stop());

  const reminderJobs = () =>
    sandbox.gavel.database
      .selectFrom('jobs')
      .select(['key', 'status'])
      .where('key', 'like', 'reminder:serverless:%')
      .orderBy('key')
      .execute();

  it('skips a reminder whose minute passed before it started, and keeps the ones still ahead', async () => {
    const keys = (await reminderJobs()).map((j) => j.key);
    expect(keys).not.toContain(`reminder:serverless:${MEETING}:1440m`);
    expect(keys).toContain(`reminder:serverless:${MEETING}:10m`);
    expect(keys).toContain(`reminder:serverless:${NEXT_WEEK}:1440m`);
  });

  it('posts no late reminder when its jobs run, nor after re-planning', async () => {
    await sandbox.gavel.replanAll();
    await sandbox.gavel.tick();
    const keys = (await reminderJobs()).map((j) => j.key);
    expect(keys).not.toContain(`reminder:serverless:${MEETING}:1440m`);
    const delivered = await sandbox.gavel.database.selectFrom('reminder_deliveries').selectAll().execute();
    expect(delivered).toEqual([]);
  });
});
