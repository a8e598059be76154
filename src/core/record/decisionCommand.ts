import { charactersOver } from '../agenda/characters.js';
import type { IssueReference } from '../model/meetingRecord.js';
import { findIssueReference } from './issueReference.js';

/** What `/decision …` asked for. Total: every text maps to exactly one of these. */
export type DecisionCommand =
  | { readonly kind: 'help' }
  /** `/decision list [words]`: the group's decisions, those containing every word when given. */
  | { readonly kind: 'list'; readonly words: readonly string[] }
  | { readonly kind: 'record'; readonly text: string; readonly reference: IssueReference | undefined }
  | { readonly kind: 'invalid'; readonly message: string };

/** Limits, in characters as people count them. */
export const DECISION_MAX = 1000;
export const SEARCH_WORDS_MAX = 10;
export const SEARCH_WORD_MAX = 50;

const LIST_USAGE = `Use \`/decision list\` for the group's decisions, or \`/decision list <words>\` with at most ${SEARCH_WORDS_MAX} words of at most ${SEARCH_WORD_MAX} characters each to find those that contain them.`;

export function parseDecisionCommand(text: string): DecisionCommand {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'help') return { kind: 'help' };
  const [head = ''] = trimmed.split(/\s+/, 1);
  if (head.toLowerCase() === 'list') return parseList(trimmed.slice(head.length).trim());
  return parseRecord(trimmed);
}

function parseList(args: string): DecisionCommand {
  const words = args === '' ? [] : args.split(/\s+/);
  const tooLong = words.some((w) => charactersOver(w, SEARCH_WORD_MAX) !== undefined);
  if (words.length > SEARCH_WORDS_MAX || tooLong) return invalid(LIST_USAGE);
  return { kind: 'list', words };
}

function parseRecord(text: string): DecisionCommand {
  const length = charactersOver(text, DECISION_MAX);
  if (length !== undefined) {
    return invalid(
      `A decision can be at most ${thousands(DECISION_MAX)} characters (yours has ${thousands(length)}).`,
    );
  }
  return { kind: 'record', text, reference: findIssueReference(text) };
}

const thousands = (n: number): string => n.toLocaleString('en-US');

const invalid = (message: string): DecisionCommand => ({ kind: 'invalid', message });
