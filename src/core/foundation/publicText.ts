/**
 * Text typed in Slack as the public may read it: mentions `<@U…>` become the person's name
 * (from `names`, else "someone"), channels `<#C…|name>` become `#name`, links `<url|label>`
 * become `label (url)`, and Slack's `&lt;` `&gt;` `&amp;` are decoded (the page escapes again).
 * No Slack user or channel id survives.
 */
export function publicText(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label: string | undefined) => {
      const name = names.get(id) ?? (label && !/^[UW][A-Z0-9]+$/.test(label) ? label : undefined);
      return `@${name ?? 'someone'}`;
    })
    .replace(/<#C[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name: string | undefined) => `#${name || 'a channel'}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name: string | undefined) => name || '@a team')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label: string | undefined) =>
      label && label !== url ? `${label} (${url})` : url,
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The Slack user ids a text mentions, to look their names up. */
export const mentionedUsers = (text: string): string[] =>
  [...text.matchAll(/<@([UW][A-Z0-9]+)/g)].map((m) => m[1]!);
