import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GROUPS_FILE, loadGroupsFile } from '../../src/config/loadGroupsFile.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/startSandbox.js';
import { silentLogger } from '../support/databases.js';

describe('the sandbox’s address', () => {
  let sandbox: RunningSandbox;
  let base: string;
  beforeAll(async () => {
    const groups = loadGroupsFile(EXAMPLE_GROUPS_FILE);
    if (!groups.ok) throw new Error(groups.problems.join('; '));
    sandbox = await startSandbox({ groups: groups.groups, port: 0, host: '127.0.0.1', log: silentLogger });
    base = sandbox.url.replace(/\/sandbox$/, '');
  });
  afterAll(() => sandbox.stop());

  it('sends the bare address to the sandbox page', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sandbox');
  });

  it('answers the browser’s icon request without a 404', async () => {
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204);
  });
});
