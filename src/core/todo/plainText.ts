/**
 * Slack message markup as a person would type it: `<@U1|alice>` → `@alice`,
 * `<https://x|label>` → `label (https://x)`, entities decoded. For prefilling a form with a
 * message's text; whatever comes back is escaped again before the bot repeats it.
 */
export function plainFromMrkdwn(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)\|([^<>]+)>/g, '@$2')
    .replace(/<@([UW][A-Z0-9]+)>/g, '@$1')
    .replace(/<#([CG][A-Z0-9]+)\|([^<>]*)>/g, (_m, id: string, name: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^<>]*))?>/g, (_m, name?: string) => name ?? '@group')
    .replace(/<(https?:\/\/[^<>|]+)\|([^<>]+)>/g, '$2 ($1)')
    .replace(/<(https?:\/\/[^<>|]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
