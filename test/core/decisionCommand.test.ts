import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISION_MAX, parseDecisionCommand } from '../../src/core/record/decisionCommand.js';

/** The message of a refused command; any other command fails the match with its kind. */
const refusal = (parsed: { kind: string; message?: string }): string =>
  parsed.kind === 'invalid' ? (parsed.message ?? '') : `(not refused: ${parsed.kind})`;

describe('parsing /decision', () => {
  it.each([[''], ['   \n\t '], ['help'], [' HELP ']])('shows help for %j', (text) => {
    expect(parseDecisionCommand(text)).toEqual({ kind: 'help' });
  });

  it('lists every decision, or those with the words given', () => {
    expect(parseDecisionCommand('list')).toEqual({ kind: 'list', words: [] });
    expect(parseDecisionCommand('List  schema   registry ')).toEqual({
      kind: 'list',
      words: ['schema', 'registry'],
    });
  });

  it('searches for at most 10 words of at most 50 characters', () => {
    expect(parseDecisionCommand(`list ${'w '.repeat(10)}`)).toMatchObject({ kind: 'list' });
    expect(refusal(parseDecisionCommand(`list ${'w '.repeat(11)}`))).toMatch(
      /at most 10 words of at most 50 characters/,
    );
    expect(parseDecisionCommand(`list ${'x'.repeat(50)}`)).toMatchObject({ kind: 'list' });
    expect(parseDecisionCommand(`list ${'x'.repeat(51)}`)).toMatchObject({ kind: 'invalid' });
  });

  it('records anything else, trimmed, with the issue it names', () => {
    expect(parseDecisionCommand('  Adopt cloudevents/spec#1234 for v1.1  ')).toEqual({
      kind: 'record',
      text: 'Adopt cloudevents/spec#1234 for v1.1',
      reference: { owner: 'cloudevents', repo: 'spec', number: 1234 },
    });
    expect(parseDecisionCommand('Ship the Go SDK on Friday')).toEqual({
      kind: 'record',
      text: 'Ship the Go SDK on Friday',
      reference: undefined,
    });
  });

  it('records a decision of up to 1,000 characters and says the limit and the length beyond', () => {
    expect(parseDecisionCommand('x'.repeat(DECISION_MAX))).toMatchObject({ kind: 'record' });
    expect(parseDecisionCommand('x'.repeat(1234))).toEqual({
      kind: 'invalid',
      message: 'A decision can be at most 1,000 characters (yours has 1,234).',
    });
  });

  it('counts characters as people do: an emoji is one', () => {
    expect(parseDecisionCommand('👩🏽‍💻'.repeat(DECISION_MAX))).toMatchObject({ kind: 'record' });
  });

  it('maps every text to exactly one command without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1200 }), (text) => {
        const parsed = parseDecisionCommand(text);
        expect(parsed.kind).toMatch(/^(help|list|record|invalid)$/);
        if (parsed.kind === 'record') expect(parsed.text).toBe(parsed.text.trim());
        if (text.trim() === '') expect(parsed).toEqual({ kind: 'help' });
      }),
    );
  });
});
