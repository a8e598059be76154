/** Slack user id → the name people know them by. */
export type UserNames = Readonly<Record<string, string>>;

export interface PlainOptions {
  /**
   * Broadcasts, channels and user groups as a person would type them too: `<!here>` → `@here`,
   * `<#C1|general>` → `#general`, `<!subteam^S1|@wg>` → `@wg`. Off, they stay as written (a
   * minutes doc keeps `<!here>` as the item was recorded).
   */
  readonly everyToken?: boolean;
}

/**
 * Text as Slack stores it (`&lt;`, `<https://…|label>`, `<@U…>`) made readable where nothing
 * is a link or a mention: a doc, a form's prefilled field, an issue title. A mention becomes
 * the person's name when `names` has it, else `@` and Slack's label or the id.
 */
export function slackToPlain(text: string, names: UserNames = {}, opts: PlainOptions = {}): string {
  let plain = text
    .replace(/<(https?:\/\/[^\s<>|]+)\|([^<>]*)>/g, (_, url: string, label: string) =>
      label === '' || label === url ? url : `${label} (${url})`,
    )
    .replace(/<(https?:\/\/[^\s<>|]+)>/g, '$1')
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g,
      (_, id: string, label?: string) => names[id] ?? `@${label || id}`,
    );
  if (opts.everyToken) {
    plain = plain
      .replace(/<#([CG][A-Z0-9]+)\|([^<>]*)>/g, (_, id: string, name: string) => `#${name || id}`)
      .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
      .replace(/<!subteam\^[A-Z0-9]+(?:\|([^<>]*))?>/g, (_, name?: string) => name ?? '@group');
  }
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The people a Slack text mentions (`<@U…>`, `<@U…|label>`), in order, each once: a doc
 * names them, so their names are looked up with the rest.
 */
export function mentionedUserIds(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g)].map((m) => m[1]!))];
}
