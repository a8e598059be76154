import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GithubSettings } from '../../src/core/group.js';
import {
  findIssueReference,
  formatReference,
  referenceUrl,
  repoAllowed,
} from '../../src/core/record/issueReference.js';

const spec12 = { owner: 'cloudevents', repo: 'spec', number: 12 };

describe('finding the issue a decision names', () => {
  it.each([
    ['Adopt the proposal in https://github.com/cloudevents/spec/issues/12'],
    ['Merge https://github.com/cloudevents/spec/pull/12/files now'],
    ['See <https://github.com/cloudevents/spec/pull/12>'],
    ['See <https://github.com/cloudevents/spec/issues/12|the proposal>.'],
    ['See https://github.com/cloudevents/spec/issues/12#issuecomment-1234'],
    ['Accept cloudevents/spec#12.'],
    ['(cloudevents/spec#12)'],
    ['cloudevents/spec#12'],
  ])('reads %j', (text) => {
    expect(findIssueReference(text)).toEqual(spec12);
  });

  it('takes the first reference of the text, of either form', () => {
    expect(
      findIssueReference('cloudevents/sdk-go#3 supersedes https://github.com/cloudevents/spec/pull/12'),
    ).toEqual({ owner: 'cloudevents', repo: 'sdk-go', number: 3 });
    expect(
      findIssueReference('https://github.com/cloudevents/spec/pull/12 supersedes cloudevents/sdk-go#3'),
    ).toEqual(spec12);
  });

  it('keeps the names as written, with GitHub’s charset', () => {
    expect(findIssueReference('open-telemetry/opentelemetry.io#4567')).toEqual({
      owner: 'open-telemetry',
      repo: 'opentelemetry.io',
      number: 4567,
    });
    expect(findIssueReference('CloudEvents/Spec_v2#1')).toEqual({
      owner: 'CloudEvents',
      repo: 'Spec_v2',
      number: 1,
    });
  });

  it.each([
    ['No reference at all'],
    ['issue #12 of the spec'],
    ['cloudevents/spec#0'],
    ['cloudevents/spec#1000000001'],
    ['cloudevents/spec#12345678901'],
    ['cloudevents/spec#12abc'],
    ['-bad/spec#12'],
    ['cloudevents/..#12'],
    ['https://example.com/cloudevents/spec#12'],
    ['https://gitlab.com/cloudevents/spec/issues/12'],
    ['https://github.com/cloudevents/spec/discussions/12'],
    ['https://github.com/cloudevents/spec/issues/12abc'],
  ])('finds nothing in %j', (text) => {
    expect(findIssueReference(text)).toBeUndefined();
  });

  it('accepts numbers up to a billion', () => {
    expect(findIssueReference('a/b#1000000000')).toEqual({ owner: 'a', repo: 'b', number: 1_000_000_000 });
  });

  it('reads back what it formats, in both forms', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/);
    const repo = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/);
    fc.assert(
      fc.property(name, repo, fc.integer({ min: 1, max: 1_000_000_000 }), (owner, repoName, number) => {
        const ref = { owner, repo: repoName, number };
        expect(findIssueReference(`Decided: ${formatReference(ref)} goes ahead`)).toEqual(ref);
        expect(findIssueReference(`Decided: <${referenceUrl(ref)}|this>`)).toEqual(ref);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        findIssueReference(text);
      }),
    );
  });
});

describe('which repositories a decision may name', () => {
  const github: GithubSettings = {
    owner: 'cloudevents',
    repo: 'spec',
    labels: [],
    otherRepos: ['cncf/toc', 'cloudevents-sdks/*'],
  };

  it('allows the group’s own repository and the listed ones, whatever the case', () => {
    expect(repoAllowed(github, spec12)).toBe(true);
    expect(repoAllowed(github, { owner: 'CloudEvents', repo: 'SPEC', number: 1 })).toBe(true);
    expect(repoAllowed(github, { owner: 'cncf', repo: 'toc', number: 1 })).toBe(true);
    expect(repoAllowed(github, { owner: 'CloudEvents-SDKs', repo: 'sdk-go', number: 1 })).toBe(true);
  });

  it('refuses other repositories, and every repository without GitHub settings', () => {
    expect(repoAllowed(github, { owner: 'cloudevents', repo: 'sdk-go', number: 1 })).toBe(false);
    expect(repoAllowed(github, { owner: 'cncf', repo: 'landscape', number: 1 })).toBe(false);
    expect(repoAllowed(github, { owner: 'evil', repo: 'toc', number: 1 })).toBe(false);
    expect(repoAllowed(undefined, spec12)).toBe(false);
  });
});

describe('formatting', () => {
  it('writes the short form and the github.com URL', () => {
    expect(formatReference(spec12)).toBe('cloudevents/spec#12');
    expect(referenceUrl(spec12)).toBe('https://github.com/cloudevents/spec/issues/12');
  });
});
