import { slackToPlain } from '../minutes/slackToPlain.js';

/**
 * Text a Slack user typed, made safe for a GitHub issue: Slack markup becomes plain
 * (`<@U1|alice>` → `alice`), links become Markdown links, and nothing in it can mention
 * anyone (`@org/team`), inject HTML, or fake gavel’s hidden
 * marker (`<!-- … -->`): `<` and `>` are written as entities and `@` is followed by a
 * zero-width joiner.
 */
export function githubText(slackText: string): string {
  const text = slackText
    .replace(/<@[UW][A-Z0-9]+\|([^<>]+)>/g, '$1')
    .replace(/<@([UW][A-Z0-9]+)>/g, '$1')
    .replace(/<#[CG][A-Z0-9]+\|([^<>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '$1');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out += inline(decode(text.slice(last, m.index)));
    const url = decode(m[1]!);
    out += m[2] ? `[${inline(decode(m[2]))}](${url})` : url;
    last = m.index + m[0].length;
  }
  return out + inline(decode(text.slice(last)));
}

const LINK = /<(https?:\/\/[^<>|\s]+)(?:\|([^<>]+))?>/g;

/** A title is plain text (GitHub renders no Markdown and sends no mentions from it): one line. */
export const githubTitle = (slackText: string): string =>
  slackToPlain(slackText, {}, { everyToken: true }).replace(/\s+/g, ' ').trim();

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const inline = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=[\w-])/g, '@\u200d');
