/**
 * Slack mrkdwn escaping for text a user typed. Only `&`, `<` and `>` are control
 * characters, and without escaping `<!channel>`, `<!here>`, `<@U…>` and `<#C…>` typed by a
 * user become live when the bot repeats them. Links the user pasted stay clickable:
 * `<https://…>` and `<https://…|label>` are kept as links, with the label escaped.
 */
const LINK = /<(https?:\/\/[^\s<>|]+)(?:\|([^<>]*))?>/g;

const escapeChars = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack sends `&amp;` etc. in some payloads; undo that before escaping so we never double-escape. */
const unescapeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function escapeMrkdwn(text: string): string {
  const raw = unescapeEntities(text);
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(LINK)) {
    out += escapeChars(raw.slice(last, m.index));
    const url = m[1]!.replace(/&/g, '&amp;');
    out += m[2] ? `<${url}|${escapeChars(m[2])}>` : `<${url}>`;
    last = m.index + m[0].length;
  }
  return out + escapeChars(raw.slice(last));
}

/** For a link label or any place where even a link must not be live. */
export const escapePlain = (text: string): string => escapeChars(unescapeEntities(text));

/** Text that never was Slack's (a GitHub title): every `&`, `<` and `>` is the character itself. */
export const escapeLiteral = (text: string): string => escapeChars(text);

/** A mention the bot itself constructs from a validated user id. */
export const mentionUser = (userId: string): string => `<@${userId}>`;
