import type { KnownBlock } from '@slack/types';
import { slackToPlain } from '../minutes/slackToPlain.js';

/**
 * Block Kit as a reader would see it, in plain text: date tokens show their fallback, links
 * show label and address, buttons show as `[label]`. For previews in a terminal, where a
 * chair checks a message before it is ever posted.
 */
export function blocksToText(blocks: readonly KnownBlock[], options: PlainOptions = {}): string {
  return blocks
    .map((b) => blockText(b, options))
    .filter((t) => t !== '')
    .join('\n\n');
}

export interface PlainOptions {
  /**
   * How a `<!date>` token reads. Slack shows it in each reader's own zone, which a preview
   * cannot know; by default it reads as its fallback (what notifications show).
   */
  readonly date?: (instant: Date, fallback: string) => string;
}

/** Slack mrkdwn tokens that slackToPlain leaves alone: dates, broadcasts, channels, groups. */
export function mrkdwnToPlain(text: string, options: PlainOptions = {}): string {
  const date = options.date ?? ((_: Date, fallback: string) => fallback);
  return slackToPlain(
    text
      .replace(/<!date\^(\d+)\^[^|>]*\|([^>]*)>/g, (_, unix: string, fallback: string) =>
        date(new Date(Number(unix) * 1000), fallback),
      )
      .replace(/<!(channel|here|everyone)>/g, '@$1')
      .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, '$1')
      .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<#([CG][A-Z0-9]+)>/g, '#$1'),
  );
}

interface TextObject {
  readonly type: string;
  readonly text: string;
}

function blockText(block: KnownBlock, options: PlainOptions): string {
  const render = (t: TextObject): string => (t.type === 'mrkdwn' ? mrkdwnToPlain(t.text, options) : t.text);
  switch (block.type) {
    case 'header':
      return block.text.text;
    case 'section':
      return [block.text ? render(block.text) : '', ...(block.fields ?? []).map(render)]
        .filter((t) => t !== '')
        .join('\n');
    case 'context':
      return block.elements.map((e) => ('text' in e ? render(e) : e.alt_text)).join('  ');
    case 'actions':
      return block.elements
        .map((e) => ('text' in e ? `[${e.text.text}]` : ''))
        .filter((t) => t !== '')
        .join(' ');
    case 'divider':
      return '────────';
    default:
      return '';
  }
}
