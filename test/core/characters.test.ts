import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, charactersOver } from '../../src/core/agenda/characters.js';

describe('counting characters as people do', () => {
  it('counts an emoji made of several code points as one character', () => {
    expect(characterCount('👩🏽‍💻 ok')).toBe(4);
  });

  it('reports a text over the limit with its count, and nothing for a text within', () => {
    expect(charactersOver('abc', 3)).toBeUndefined();
    expect(charactersOver('abcd', 3)).toBe(4);
    // Eight code units, but two characters: within a limit of 3.
    expect(charactersOver('👩🏽‍💻👍', 3)).toBeUndefined();
  });

  it('agrees with the full count for any text and limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat({ max: 60 }), (s, max) => {
        const count = characterCount(s);
        expect(charactersOver(s, max)).toBe(count > max ? count : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});
