import { editDistance } from './editDistance.js';
import { singleMention } from './mentions.js';

const ITEM_NUMBER = /^#?\d{1,6}$/;
const LIST_FILTERS = new Set(['open', 'mine', 'me', 'all', 'done', 'closed']);

/** What may follow each subcommand: a typo is only suspected when the rest fits it too. */
const numberOrNothing = (rest: readonly string[]) =>
  rest.length === 0 || (rest.length === 1 && ITEM_NUMBER.test(rest[0]!));

interface Subcommand {
  /** The word suggested. */
  readonly name: string;
  /** The words it is typed as (aliases included). */
  readonly words: readonly string[];
  readonly fits: (rest: readonly string[]) => boolean;
}

const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'list',
    words: ['list'],
    fits: (rest) =>
      rest.length === 0 ||
      (rest.length === 1 &&
        (LIST_FILTERS.has(rest[0]!.toLowerCase()) || singleMention(rest[0]!) !== undefined)),
  },
  { name: 'done', words: ['done', 'close'], fits: numberOrNothing },
  { name: 'reopen', words: ['reopen'], fits: numberOrNothing },
  { name: 'edit', words: ['edit'], fits: (rest) => rest.length === 0 || ITEM_NUMBER.test(rest[0]!) },
  { name: 'help', words: ['help'], fits: (rest) => rest.length === 0 },
];

/**
 * The subcommand a first word was probably meant to be (`lsit`, `dnoe 3`, `hlep`), or
 * undefined. Suspected when the word has 3 letters or more, is one edit away from a
 * subcommand (a swap of two neighbours is one edit), or two edits for words of 4+ letters
 * followed by what that subcommand takes (`dnoe 3`, `lisst mine`); what follows must fit the
 * subcommand either way, so `Dont merge the PR` and `Docs review` are not mistaken for
 * `done`. Exact subcommands never get here.
 */
export function probableSubcommand(head: string, rest: readonly string[]): string | undefined {
  const word = head.toLowerCase();
  const length = Array.from(word).length;
  if (length < 3 || length > 12 || !/^\p{L}+$/u.test(word)) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const sub of SUBCOMMANDS) {
    if (!sub.fits(rest)) continue;
    for (const candidate of sub.words) {
      const distance = editDistance(word, candidate);
      const allowed = distance === 1 || (distance === 2 && length >= 4 && rest.length > 0);
      if (distance > 0 && allowed && (!best || distance < best.distance)) {
        best = { name: sub.name, distance };
      }
    }
  }
  return best?.name;
}
