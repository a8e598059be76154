import { describe, expect, it } from 'vitest';
import { BROKEN_YAML, SERVERLESS_YAML } from './groupsFixture.js';
import { runCli, workDir } from './runCli.js';

const env = { GROUPS_FILE: 'groups.yml' };

describe('gavel preview (the real CLI, as a child process)', () => {
  it('shows the named group’s next meetings from --now, in its zone and UTC, and its reminder', async () => {
    const run = await runCli(['preview', 'serverless', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(SERVERLESS_YAML),
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Groups file: groups.yml');
    expect(run.stdout).toContain('serverless · CNCF Serverless WG · #serverless · America/Los_Angeles');
    expect(run.stdout).toMatch(/starts\s+Thu 2026-10-29 09:00 PDT\s+Thu 2026-10-29 16:00 UTC/);
    expect(run.stdout).toMatch(/starts\s+Thu 2026-11-05 09:00 PST\s+Thu 2026-11-05 17:00 UTC/);
    expect(run.stdout).toContain('│ CNCF Serverless WG: Weekly call');
    expect(run.stdout).not.toContain('cf-app-runtime');
  });

  it('shows every group without a name', async () => {
    const run = await runCli(['preview', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(SERVERLESS_YAML),
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('serverless · CNCF Serverless WG');
    expect(run.stdout).toContain(
      'cf-app-runtime · CF App Runtime Interfaces WG · C0APPRUNTIME · Europe/Berlin',
    );
  });

  it('shows minutes only when Google is configured, as check and npm start treat them', async () => {
    const off = await runCli(['preview', 'serverless', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(SERVERLESS_YAML),
      env,
    });
    expect(off.stdout).toContain('Minutes are off: Google is not configured');
    expect(off.stdout).not.toMatch(/doc created|section added/);
    const on = await runCli(['preview', 'serverless', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(SERVERLESS_YAML),
      env: { ...env, GOOGLE_CREDENTIALS_JSON: '{"type":"service_account"}' },
    });
    expect(on.stdout).not.toContain('Minutes are off');
    expect(on.stdout).toMatch(/doc created|section added/);
  });

  it('names the known groups when asked for an unknown one', async () => {
    const run = await runCli(['preview', 'severless', '--now', '2026-10-26T12:00:00Z'], {
      cwd: workDir(SERVERLESS_YAML),
      env,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'No group "severless" in groups.yml. Known groups: serverless, cf-app-runtime',
    );
  });

  it('lists the groups file’s problems instead of previewing', async () => {
    const run = await runCli(['preview'], { cwd: workDir(BROKEN_YAML), env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('groups.yml: groups.serverless.meetings[0].time: expected HH:MM');
  });

  it('refuses a --now that is not an instant', async () => {
    const run = await runCli(['preview', '--now', 'next thursday'], { cwd: workDir(SERVERLESS_YAML), env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now: expected an ISO instant');
  });
});
