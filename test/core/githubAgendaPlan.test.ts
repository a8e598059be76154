import { describe, expect, it } from 'vitest';
import { githubAgendaPlan, slackUserOfLogin, sourceCovers } from '../../src/core/agenda/githubAgendaPlan.js';
import type { LabelledIssue, SourceRead } from '../../src/core/ports/labelledIssues.js';

const issue = (repo: string, number: number): LabelledIssue => ({
  repo,
  number,
  kind: 'issue',
  title: `Issue ${number}`,
  url: `https://github.com/${repo}/issues/${number}`,
  login: 'octocat',
});
const ok = (items: LabelledIssue[], opts: { complete?: boolean; searched?: boolean } = {}): SourceRead => ({
  ok: true,
  items,
  complete: opts.complete ?? true,
  searched: opts.searched ?? false,
});
const ref = (repo: string, number: number) => ({ ...issue(repo, number), kind: 'issue' as const });
const settings = { label: 'wg-agenda', repos: ['cncf/wg-serverless', 'cloudevents/*'] };
const path = 'groups.serverless.agenda.github';

describe('githubAgendaPlan', () => {
  it('takes every labelled issue once, and takes off open items no source has any more', () => {
    const plan = githubAgendaPlan({
      path,
      settings,
      reads: [ok([issue('cncf/wg-serverless', 1)]), ok([issue('cloudevents/spec', 4)], { searched: true })],
      open: [ref('cncf/wg-serverless', 1), ref('cncf/wg-serverless', 2), ref('elsewhere/repo', 3)],
    });
    expect(plan.present.map((i) => `${i.repo}#${i.number}`)).toEqual([
      'cncf/wg-serverless#1',
      'cloudevents/spec#4',
    ]);
    expect(plan.gone.map((i) => `${i.repo}#${i.number}`)).toEqual([
      'cncf/wg-serverless#2',
      'elsewhere/repo#3',
    ]);
    expect(plan).toMatchObject({ confirm: [], problems: [], retry: false });
  });

  it('asks again about what a search missed (its index lags) instead of taking it off', () => {
    const plan = githubAgendaPlan({
      path,
      settings,
      reads: [ok([]), ok([], { searched: true })],
      open: [ref('cloudevents/spec', 9)],
    });
    expect(plan.gone).toEqual([]);
    expect(plan.confirm.map((i) => i.number)).toEqual([9]);
  });

  it('keeps the items of a source that failed, says why by path, and retries only when GitHub did not answer', () => {
    const plan = githubAgendaPlan({
      path,
      settings,
      reads: [
        { ok: false, failure: 'unavailable', message: 'GitHub 500 failed: Server Error' },
        { ok: false, failure: 'refused', message: 'GitHub 422 failed: Validation Failed' },
      ],
      open: [ref('cncf/wg-serverless', 1), ref('cloudevents/spec', 2)],
    });
    expect(plan).toMatchObject({ present: [], gone: [], confirm: [], retry: true });
    expect(plan.problems).toEqual([
      `${path}.repos[0]: GitHub did not answer for cncf/wg-serverless (GitHub 500 failed: Server Error); its items stay as last known, and gavel tries again`,
      `${path}.repos[1]: GitHub refused to search cloudevents/* (GitHub 422 failed: Validation Failed); check the owner's name and the label`,
    ]);
  });

  it('takes at most 100, says so, and then takes nothing off', () => {
    const many = Array.from({ length: 80 }, (_, i) => issue('cncf/wg-serverless', i + 1));
    const more = Array.from({ length: 40 }, (_, i) => issue('cloudevents/spec', i + 1));
    const plan = githubAgendaPlan({
      path,
      settings,
      reads: [ok(many), ok(more, { searched: true })],
      open: [ref('cloudevents/spec', 77)],
    });
    expect(plan.present).toHaveLength(100);
    expect(plan.gone).toEqual([]);
    expect(plan.confirm).toEqual([]);
    expect(plan.problems).toEqual([
      `${path}: more than 100 open issues and pull requests are labelled "wg-agenda"; the agenda takes the first 100 (oldest first). Label fewer, or name fewer repositories.`,
    ]);
  });

  it('matches repositories and logins as GitHub does, without regard to case', () => {
    expect(sourceCovers('CloudEvents/*', 'cloudevents/spec')).toBe(true);
    expect(sourceCovers('cncf/wg-serverless', 'CNCF/WG-Serverless')).toBe(true);
    expect(sourceCovers('cncf/wg-serverless', 'cncf/toc')).toBe(false);
    expect(slackUserOfLogin({ githubLogins: { U0MEMBER1: 'Alice-GH' } }, 'alice-gh')).toBe('U0MEMBER1');
    expect(slackUserOfLogin({ githubLogins: {} }, 'alice-gh')).toBeNull();
  });
});
