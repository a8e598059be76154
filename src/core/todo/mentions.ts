import { isSlackUserId, type SlackUserId } from '../ids.js';

/** A user mention as Slack sends it in command text: `<@U123|alice>` or `<@U123>`. */
const MENTION = /^<@([UW][A-Z0-9]{2,20})(?:\|[^<>]*)?>/;
/** `@alice` typed without Slack turning it into a mention. */
const PLAIN_AT = /^@[\w.-]+/;

export type LeadingMentions =
  | { readonly ok: true; readonly users: readonly SlackUserId[]; readonly rest: string }
  | { readonly ok: false; readonly word: string };

/**
 * The mentions at the start of `text` (in order, without repeats) and what follows them.
 * A plain `@name` there is refused: only Slack's own mention carries the user's id.
 */
export function leadingMentions(text: string): LeadingMentions {
  const users: SlackUserId[] = [];
  let rest = text.trimStart();
  for (;;) {
    const m = MENTION.exec(rest);
    if (!m) break;
    const id = m[1]!;
    if (isSlackUserId(id) && !users.includes(id)) users.push(id);
    rest = rest.slice(m[0].length).trimStart();
  }
  const plain = PLAIN_AT.exec(rest);
  if (plain) return { ok: false, word: plain[0] };
  return { ok: true, users, rest };
}

/** A mention anywhere in the text: `/todo list <@U123>`. */
export function singleMention(text: string): SlackUserId | undefined {
  const m = MENTION.exec(text.trim());
  return m && m[0].length === text.trim().length && isSlackUserId(m[1]!) ? m[1] : undefined;
}
