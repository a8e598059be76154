import { charactersOver } from '../agenda/characters.js';

/** Limits of an action item, stated and checked in characters as people count them. */
export const TODO_TEXT_MAX = 500;
export const TODO_OWNERS_MAX = 10;

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/** What the item says: 1–500 characters after trimming. */
export function validateTodoText(text: string): TextCheck {
  const t = text.trim();
  if (t === '') {
    return { ok: false, message: 'Say what needs doing: `/todo @alice Write the blog post by Dec 7`.' };
  }
  const length = charactersOver(t, TODO_TEXT_MAX);
  if (length !== undefined) {
    return {
      ok: false,
      message: `That action item is ${length} characters; the limit is ${TODO_TEXT_MAX}. Link to the details instead.`,
    };
  }
  return { ok: true, text: t };
}

export function ownersProblem(count: number): string | undefined {
  return count > TODO_OWNERS_MAX
    ? `An action item can have at most ${TODO_OWNERS_MAX} owners (this one names ${count}). Split it up.`
    : undefined;
}
