/**
 * Text as Slack stores it (`&lt;`, `<https://…|label>`, `<@U…>`) made readable for a doc,
 * where nothing is a link unless the doc makes it one.
 */
export function slackToPlain(text: string, names: Readonly<Record<string, string>> = {}): string {
  return text
    .replace(/<(https?:\/\/[^\s<>|]+)\|([^<>]*)>/g, (_, url: string, label: string) =>
      label === '' || label === url ? url : `${label} (${url})`,
    )
    .replace(/<(https?:\/\/[^\s<>|]+)>/g, '$1')
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g, (_, id: string) => names[id] ?? `@${id}`)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
