import { describe, expect, it } from 'vitest';
import {
  archivePatternProblem,
  fillArchivePattern,
  filePathProblem,
  relativeLink,
} from '../../src/core/archive/archivePath.js';
import type { LocalDate } from '../../src/core/ids.js';

const values = { date: '2026-12-03' as LocalDate, groupId: 'serverless', meetingId: 'weekly' };

describe('the path of a meeting’s published file', () => {
  it('fills the date, its parts, the group and the meeting into the pattern', () => {
    expect(fillArchivePattern('meetings/{yyyy}/{date}.md', values)).toBe('meetings/2026/2026-12-03.md');
    expect(fillArchivePattern('{group}/{yyyy}/{mm}/{dd}-{meeting}.md', values)).toBe(
      'serverless/2026/12/03-weekly.md',
    );
  });

  it('accepts the default and other patterns that name the date and a plain .md path', () => {
    for (const ok of [
      'meetings/{yyyy}/{date}.md',
      'notes/{yyyy}-{mm}-{dd}.md',
      '{date}.md',
      '.github/m/{date}.md',
    ]) {
      expect(archivePatternProblem(ok), ok).toBeUndefined();
    }
  });

  it('refuses a pattern that would put two meetings in one file, leave the repository, or is not Markdown', () => {
    expect(archivePatternProblem('meetings/{yyyy}.md')).toContain('must name the date');
    expect(archivePatternProblem('meetings/{when}.md')).toContain('{when} is not a placeholder');
    expect(archivePatternProblem('../outside/{date}.md')).toContain('no ".."');
    expect(archivePatternProblem('/abs/{date}.md')).toContain('no leading "/"');
    expect(archivePatternProblem('.git/hooks/{date}.md')).toBeDefined();
    expect(archivePatternProblem('meetings/{date}.html')).toContain('must end in .md');
    expect(archivePatternProblem('meetings/{date} notes.md')).toBeDefined();
    expect(archivePatternProblem(`${'a/'.repeat(120)}{date}.md`)).toContain('at most 200 characters');
  });

  it('checks a decisions index path the same way', () => {
    expect(filePathProblem('DECISIONS.md')).toBeUndefined();
    expect(filePathProblem('governance/decisions.md')).toBeUndefined();
    expect(filePathProblem('../DECISIONS.md')).toBeDefined();
  });

  it('links files to each other relative to where each one is', () => {
    expect(relativeLink('meetings/2026/2026-12-03.md', 'DECISIONS.md')).toBe('../../DECISIONS.md');
    expect(relativeLink('DECISIONS.md', 'meetings/2026/2026-12-03.md')).toBe('meetings/2026/2026-12-03.md');
    expect(relativeLink('meetings/2026/a.md', 'meetings/2025/b.md')).toBe('../2025/b.md');
    expect(relativeLink('meetings/DECISIONS.md', 'meetings/2026/a.md')).toBe('2026/a.md');
  });
});
