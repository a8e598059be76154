/**
 * The sandbox page's script: browser TypeScript, no framework. It polls /sandbox/api/state every
 * second and renders Slack's Block Kit and mrkdwn. Everything the app or a person wrote is
 * escaped before it becomes HTML: `esc()` is the only way text enters markup, and links are kept
 * only for http(s) and mailto URLs.
 *
 * It runs as the page's one inline classic script, compiled by esbuild into an IIFE (see
 * ../sandboxScript.ts), and is typechecked against the DOM alone (./tsconfig.json: no Node types).
 */
'use strict';

// ---- what /sandbox/api/state sends (../sandboxState.ts). Views and blocks are whatever the app
// gave Slack, so every field is read as possibly missing.

interface TextObj {
  readonly type?: string;
  readonly text?: string;
}
type Text = string | TextObj;

interface SlackOption {
  readonly value: string;
  readonly text?: Text;
}
interface OptionGroup {
  readonly label?: Text;
  readonly options: readonly SlackOption[];
}
interface WithOptions {
  readonly options?: readonly SlackOption[];
  readonly option_groups?: readonly OptionGroup[];
}
interface BlockElement extends WithOptions {
  readonly type?: string;
  readonly text?: Text;
  readonly style?: string;
  readonly url?: string;
  readonly action_id?: string;
  readonly value?: string | null;
  readonly alt_text?: string;
  readonly placeholder?: Text;
  readonly multiline?: boolean;
  /** Goes into markup as `Number(max_length)`, whatever the app sent. */
  readonly max_length?: unknown;
  readonly initial_value?: string;
  readonly initial_date?: string;
  readonly initial_time?: string;
  readonly initial_option?: SlackOption;
  readonly initial_options?: readonly SlackOption[];
  readonly initial_user?: string;
  readonly initial_users?: readonly string[];
  readonly initial_conversation?: string;
  readonly initial_channel?: string;
}
interface Block {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: Text;
  readonly fields?: readonly Text[];
  readonly accessory?: BlockElement;
  readonly elements?: readonly BlockElement[];
  readonly alt_text?: string;
  // input blocks
  readonly label?: Text;
  readonly element?: BlockElement;
  readonly optional?: boolean;
  readonly hint?: Text;
}
interface View {
  readonly title?: Text;
  readonly blocks?: readonly Block[];
  readonly close?: Text;
  readonly submit?: Text;
}
interface User {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
}
interface Group {
  readonly name: string;
  readonly next?: { readonly title: string; readonly startsAt: string };
  /** A meeting that has started and whose wrap-up is still to come. */
  readonly current?: { readonly title: string; readonly startsAt: string; readonly wrapUpAt: string };
}
interface Channel {
  readonly id: string;
  readonly name: string;
  readonly group?: Group;
}
interface TimelineEntry {
  readonly key: string;
  readonly kind: 'bot' | 'ephemeral' | 'command' | 'public';
  readonly channel?: string;
  readonly user?: string;
  readonly ts?: string;
  readonly threadTs?: string;
  readonly text?: string;
  readonly blocks?: readonly Block[];
  /** Changed since it was posted (chat.update). */
  readonly edited?: boolean;
  /** In the bot's DM with `user`: shown to that user only. */
  readonly dm?: boolean;
  /** Said by Slack itself (an unknown command), not by the app. */
  readonly author?: 'slackbot';
}
interface Modal {
  readonly viewId: string;
  readonly user: string;
  readonly view: View;
  readonly errors?: Readonly<Record<string, string>>;
}
interface Doc {
  readonly id: string;
  readonly group: string;
  readonly name: string;
  readonly text: string;
}
interface Issue {
  readonly repo: string;
  readonly number: number;
  readonly pullRequest?: boolean;
  readonly title: string;
  readonly body: string;
  readonly state: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly comments: readonly string[];
}
interface SandboxState {
  readonly clock: string;
  readonly users: readonly User[];
  readonly channels: readonly Channel[];
  readonly timeline: readonly TimelineEntry[];
  readonly modals: readonly Modal[];
  readonly docs: readonly Doc[];
  readonly issues: readonly Issue[];
}
/** One input of the open modal: where its value goes in Slack's `view.state.values`. */
interface FormControl {
  readonly id: string;
  readonly blockId: string;
  readonly actionId: string;
  readonly element: BlockElement;
}

let state: SandboxState | null = null;
let viewer: string | null = null;
// null until the first state arrives; undefined while no channel exists.
let channel: string | null | undefined = null;
const rendered = { timeline: '', docs: '', issues: '', channels: '', modal: '', errors: '' };
/** Whether the timeline has been scrolled to the bottom since the channel was picked. */
let scrolledOnce = false;
let formControls: FormControl[] = [];
/** An element of the page's own markup (../sandboxPage.ts), which is always there. */
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/**
 * Browsers report some zones by the tz database's old names (Asia/Calcutta for Asia/Kolkata):
 * show the names people write today.
 */
const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
};
const RESOLVED_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const BROWSER_ZONE = CURRENT_ZONE_NAMES[RESOLVED_ZONE] ?? RESOLVED_ZONE;
// A Map, so that `:constructor:` in a message stays text.
const EMOJI = new Map(
  Object.entries({
    memo: '📝',
    warning: '⚠️',
    white_check_mark: '✅',
    x: '❌',
    zzz: '💤',
    telephone_receiver: '📞',
    spiral_calendar_pad: '🗓️',
    calendar: '📆',
    no_entry_sign: '🚫',
    link: '🔗',
    hourglass_flowing_sand: '⏳',
    wave: '👋',
    tada: '🎉',
    bell: '🔔',
    clipboard: '📋',
    pushpin: '📌',
    date: '📅',
    alarm_clock: '⏰',
    busts_in_silhouette: '👥',
    heavy_check_mark: '✔️',
    information_source: 'ℹ️',
    arrows_counterclockwise: '🔄',
    movie_camera: '🎥',
    palm_tree: '🌴',
  }),
);

/** Text as HTML. Views are the app's JSON, read loosely: whatever a field holds is shown. */
function esc(s: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
// Slack escapes only these three in message text.
function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
function emoji(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI.get(name) ?? whole);
}
function userName(id: string | undefined): string {
  const u = state?.users.find((x) => x.id === id);
  return u ? u.name : (id ?? '');
}
function channelName(id: string): string {
  const c = state?.channels.find((x) => x.id === id);
  return c ? c.name : id;
}
function sandboxNow(): Date {
  return state ? new Date(state.clock) : new Date();
}

// ---- time, as Slack's <!date^…> shows it: in the reader's own zone (here: the browser's)
function fmt(d: Date, o: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(undefined, o).format(d);
}
function dayKey(d: Date): string {
  return fmt(d, { year: 'numeric', month: '2-digit', day: '2-digit' });
}
function pretty(d: Date, fallback: string): string {
  const now = sandboxNow();
  const day = 24 * 3600 * 1000;
  if (dayKey(d) === dayKey(now)) return 'today';
  if (dayKey(d) === dayKey(new Date(now.getTime() + day))) return 'tomorrow';
  if (dayKey(d) === dayKey(new Date(now.getTime() - day))) return 'yesterday';
  return fallback;
}
function slackDate(unix: string, format: string): string | null {
  const d = new Date(Number(unix) * 1000);
  if (isNaN(d.getTime())) return null;
  const date = fmt(d, { year: 'numeric', month: 'long', day: 'numeric' });
  const dateShort = fmt(d, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateLong = fmt(d, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const mins = Math.round((d.getTime() - sandboxNow().getTime()) / 60000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const ago =
    Math.abs(mins) < 60
      ? rtf.format(mins, 'minute')
      : Math.abs(mins) < 48 * 60
        ? rtf.format(Math.round(mins / 60), 'hour')
        : rtf.format(Math.round(mins / 1440), 'day');
  const parts = new Map([
    ['date_num', fmt(d, { year: 'numeric', month: '2-digit', day: '2-digit' })],
    ['date', date],
    ['date_short', dateShort],
    ['date_long', dateLong],
    ['time', fmt(d, { hour: 'numeric', minute: '2-digit' })],
    ['time_secs', fmt(d, { hour: 'numeric', minute: '2-digit', second: '2-digit' })],
    ['date_pretty', pretty(d, date)],
    ['date_short_pretty', pretty(d, dateShort)],
    ['date_long_pretty', pretty(d, dateLong)],
    ['ago', ago],
  ]);
  return format.replace(/\{(\w+)\}/g, (whole, name: string) => parts.get(name) || whole);
}

// ---- links. The GitHub stand-in names its issues by their github.com address, as GitHub
// does; those open the sandbox's own view of the issue (the pane on the right) instead, so
// nothing leaves the machine.
function issueKey(repo: string, number: number): string {
  return `${repo}#${number}`;
}
function issueAnchor(key: string): string {
  return 'issue-' + key.replace(/[^A-Za-z0-9_-]/g, '-');
}
/** The stand-in's issue or pull request a github.com URL names, if it has one. */
function localIssue(url: string): Issue | undefined {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(issues|pull)\/(\d+)(?:[#?/].*)?$/i.exec(url);
  if (!m) return undefined;
  return state?.issues.find(
    (i) =>
      i.repo.toLowerCase() === m[1]!.toLowerCase() &&
      i.number === Number(m[3]) &&
      Boolean(i.pullRequest) === (m[2] === 'pull'),
  );
}
/** An `<a>`'s href and target for an http(s) or mailto URL (already decoded); null for any other. */
function linkAttrs(url: string): string | null {
  const issue = localIssue(url);
  if (issue) {
    const key = issueKey(issue.repo, issue.number);
    return `href="#${esc(issueAnchor(key))}" data-issue="${esc(key)}" title="${esc(`${key} in the GitHub stand-in (${url})`)}"`;
  }
  if (!/^(https?:|mailto:)/i.test(url)) return null;
  return `href="${esc(url)}" target="_blank" rel="noopener noreferrer"`;
}
/**
 * A bare URL in message text, linked as Slack links it: up to whitespace or `<`, without the
 * punctuation that ends a sentence, and without a closing bracket it did not open.
 */
// It stops at NUL too, which brackets the placeholders of inline() below.
// eslint-disable-next-line no-control-regex
const BARE_URL = /\b(?:https?:\/\/|mailto:)(?:(?!&lt;|&gt;)[^\s<>\u0000])+/gi;
function bareUrl(raw: string): { url: string; rest: string } {
  let url = raw;
  let rest = '';
  for (;;) {
    const last = url.slice(-1);
    const unopened = last === ')' && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length;
    if (/[.,!?:;'"*_~]/.test(last) || unopened) {
      rest = last + rest;
      url = url.slice(0, -1);
    } else if (url.endsWith('&amp;')) {
      rest = '&amp;' + rest;
      url = url.slice(0, -5);
    } else return { url, rest };
  }
}

// ---- mrkdwn
function token(t: string): string {
  const bar = t.indexOf('|');
  const head = bar === -1 ? t : t.slice(0, bar);
  const label = bar === -1 ? '' : t.slice(bar + 1);
  if (head.startsWith('@')) return `<span class="mention">@${esc(label || userName(head.slice(1)))}</span>`;
  if (head.startsWith('#'))
    return `<span class="mention">#${esc(label || channelName(head.slice(1)))}</span>`;
  if (head.startsWith('!date^')) {
    const spec = head.slice(6).split('^');
    const shown = slackDate(spec[0]!, spec[1] || '{date}');
    if (shown === null) return esc(decode(label));
    return `<span class="date" title="${esc(decode(label))}">${esc(shown)}</span>`;
  }
  if (head.startsWith('!'))
    return `<span class="mention">@${esc(label || head.slice(1).split('^')[0])}</span>`;
  const attrs = linkAttrs(decode(head));
  if (attrs) return `<a ${attrs}>${esc(decode(label || head))}</a>`;
  return esc(decode(`<${t}>`));
}
// NUL brackets the placeholders for code and links, kept out of the emphasis pass; it is
// stripped from the text first, so nothing a message says can forge one.
/* eslint-disable no-control-regex */
function inline(text: string): string {
  const parts: string[] = [];
  const keep = (html: string) => {
    parts.push(html);
    return `\u0000${parts.length - 1}\u0000`;
  };
  const s = text
    .replace(/\u0000/g, '')
    .replace(
      /```([\s\S]*?)```|`([^`\n]+)`|<([^<>\n]+)>/g,
      (_whole, pre: string | undefined, code: string | undefined, tok: string) => {
        if (pre !== undefined) return keep(`<pre>${esc(decode(pre.replace(/^\n/, '')))}</pre>`);
        if (code !== undefined) return keep(`<code>${esc(decode(code))}</code>`);
        return keep(token(tok));
      },
    )
    .replace(BARE_URL, (found: string) => {
      const { url, rest } = bareUrl(found);
      const attrs = /^(?:https?:\/\/[^/]|mailto:.)/i.test(url) ? linkAttrs(decode(url)) : null;
      return attrs ? keep(`<a ${attrs}>${esc(decode(url))}</a>`) + rest : found;
    });
  const html = esc(decode(s))
    .replace(/(^|[\s(\u0000])\*(?!\s)([^*\n]+?)\*(?=$|[\s.,!?:;)\u0000])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(\u0000])_(?!\s)([^_\n]+?)_(?=$|[\s.,!?:;)\u0000])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(\u0000])~(?!\s)([^~\n]+?)~(?=$|[\s.,!?:;)\u0000])/g, '$1<s>$2</s>');
  return emoji(html)
    .replace(/\n/g, '<br>')
    .replace(/\u0000(\d+)\u0000/g, (_whole, i: string) => parts[Number(i)]!);
}
/* eslint-enable no-control-regex */
function mrkdwn(src: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as in esc()
  const lines = String(src ?? '').split('\n');
  const out: string[] = [];
  let group: string[] = [];
  let quoted = false;
  const flush = () => {
    if (group.length === 0) return;
    const html = inline(group.join('\n'));
    out.push(quoted ? `<blockquote>${html}</blockquote>` : html);
    group = [];
  };
  for (const line of lines) {
    const q = /^(>|&gt;)/.test(line);
    if (q !== quoted) {
      flush();
      quoted = q;
    }
    group.push(q ? line.replace(/^(>|&gt;) ?/, '') : line);
  }
  flush();
  return out
    .join(quoted ? '' : '<br>')
    .replace(/<br><blockquote>/g, '<blockquote>')
    .replace(/<\/blockquote><br>/g, '</blockquote>');
}
/** A text object, or a context block's element (which may be one). */
function textObject(o: string | { readonly type?: string; readonly text?: unknown } | undefined): string {
  if (!o) return '';
  if (typeof o === 'string') return mrkdwn(o);
  return o.type === 'mrkdwn' ? mrkdwn(o.text) : emoji(esc(o.text)).replace(/\n/g, '<br>');
}
function plain(o: Text | undefined): string {
  return o ? (typeof o === 'string' ? o : o.text || '') : '';
}

// ---- Block Kit
function element(e: BlockElement | undefined, entryKey: string, blockId: string | undefined): string {
  if (!e) return '';
  if (e.type === 'button') {
    const cls = 'btn' + (e.style ? ' ' + esc(e.style) : '');
    if (e.url) {
      const attrs = /^https?:/i.test(e.url) ? linkAttrs(e.url) : null;
      return `<a class="${cls}" ${attrs ?? 'href="#"'}>${esc(plain(e.text))}</a>`;
    }
    return (
      `<button type="button" class="${cls}" data-entry="${esc(entryKey)}" data-block="${esc(blockId || '')}"` +
      ` data-action="${esc(e.action_id || '')}" data-value="${esc(e.value ?? '')}"` +
      (e.value == null ? ' data-novalue="1"' : '') +
      `>${emoji(esc(plain(e.text)))}</button>`
    );
  }
  if (e.type === 'image') return `<span class="unsupported">[image: ${esc(e.alt_text)}]</span>`;
  return `<span class="unsupported">[${esc(e.type)} (not shown in the sandbox)]</span>`;
}
function blocks(list: readonly Block[] | undefined, entryKey: string): string {
  return (list || [])
    .map((b) => {
      switch (b.type) {
        case 'header':
          return `<div class="b-header">${textObject(b.text)}</div>`;
        case 'divider':
          return '<hr>';
        case 'section':
          return (
            `<div class="b-section"><div class="b-text">${textObject(b.text)}` +
            (b.fields
              ? `<div class="b-fields">${b.fields.map((f) => `<div>${textObject(f)}</div>`).join('')}</div>`
              : '') +
            '</div>' +
            (b.accessory
              ? `<div class="b-accessory">${element(b.accessory, entryKey, b.block_id)}</div>`
              : '') +
            '</div>'
          );
        case 'context':
          return `<div class="b-context">${(b.elements || [])
            .map((e) => (e.type === 'image' ? '' : textObject(e)))
            .join(' · ')}</div>`;
        case 'actions':
          return `<div class="b-actions">${(b.elements || [])
            .map((e) => element(e, entryKey, b.block_id))
            .join('')}</div>`;
        case 'image':
          return `<div class="unsupported">[image: ${esc(b.alt_text)}]</div>`;
        default:
          return '';
      }
    })
    .join('');
}

// ---- the channel
function visible(e: TimelineEntry): boolean {
  if (e.channel !== channel) return false;
  if (e.dm) return e.user === viewer;
  return e.kind === 'bot' || e.kind === 'public' || e.user === viewer;
}
/** One message as the channel shows it; a reply is drawn inside its parent's thread. */
function messageHtml(e: TimelineEntry, reply: boolean): string {
  if (e.kind === 'command') {
    return (
      `<div class="msg command" data-testid="command" data-key="${esc(e.key)}"><span class="who">${esc(userName(e.user))}</span>` +
      ` used <code>${esc(e.text)}</code><span class="only">Only visible to you</span></div>`
    );
  }
  const ephemeral = e.kind === 'ephemeral';
  // A reply whose parent is not in view (the parent is older than the page knows).
  const orphan = !reply && Boolean(e.threadTs) && e.threadTs !== e.ts;
  const body = e.blocks && e.blocks.length ? blocks(e.blocks, e.key) : mrkdwn(e.text);
  return (
    `<div class="msg ${ephemeral ? 'ephemeral' : 'bot'}${reply ? ' reply' : ''}${orphan ? ' thread' : ''}"` +
    ` data-key="${esc(e.key)}" data-testid="${ephemeral ? 'ephemeral' : 'message'}">` +
    (e.author === 'slackbot'
      ? '<span class="who">Slackbot</span>'
      : '<span class="who">gavel</span><span class="app">APP</span>') +
    (ephemeral ? '<span class="only">Only visible to you</span>' : '') +
    (orphan ? '<span class="only">in a thread</span>' : '') +
    `<div class="body">${body}</div>` +
    (e.edited ? '<span class="edited">(edited)</span>' : '') +
    '</div>'
  );
}
/** Keys of the entries drawn last time: a newly arrived thread reply is scrolled into view. */
let shownKeys = new Set<string>();
function renderMessages(s: SandboxState): void {
  const list = s.timeline.filter(visible);
  // Links to the GitHub stand-in's issues point into the issues pane once the issue exists.
  const issues = s.issues.map((i) => issueKey(i.repo, i.number));
  const key = JSON.stringify([viewer, channel, list, issues, Math.floor(Date.parse(s.clock) / 60000)]);
  if (key === rendered.timeline) return;
  rendered.timeline = key;
  const box = $('messages');
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  if (list.length === 0) {
    box.innerHTML =
      '<div class="empty">No messages yet. Try <code>/agenda add Review the spec</code> below, then jump the clock.</div>';
    shownKeys = new Set();
    return;
  }
  // Replies (thread_ts naming another message) are drawn under their parent, as an open thread.
  const parents = new Set(list.filter((e) => e.kind === 'bot' && e.ts).map((e) => e.ts));
  const isReply = (e: TimelineEntry) =>
    e.kind === 'bot' && Boolean(e.threadTs) && e.threadTs !== e.ts && parents.has(e.threadTs);
  const replies = new Map<string, TimelineEntry[]>();
  for (const e of list) {
    if (!isReply(e)) continue;
    const thread = replies.get(e.threadTs!) ?? [];
    thread.push(e);
    replies.set(e.threadTs!, thread);
  }
  box.innerHTML = list
    .filter((e) => !isReply(e))
    .map((e) => {
      const thread = e.kind === 'bot' && e.ts ? replies.get(e.ts) : undefined;
      if (!thread) return messageHtml(e, false);
      return (
        '<div class="conversation" data-testid="thread">' +
        messageHtml(e, false) +
        `<div class="replies" data-testid="replies"><div class="replies-head">` +
        `${thread.length} ${thread.length === 1 ? 'reply' : 'replies'}</div>` +
        thread.map((r) => messageHtml(r, true)).join('') +
        '</div></div>'
      );
    })
    .join('');
  const arrived = list.filter((e) => !shownKeys.has(e.key));
  shownKeys = new Set(list.map((e) => e.key));
  const newest = arrived[arrived.length - 1];
  if (atBottom || !scrolledOnce) box.scrollTop = box.scrollHeight;
  // A reply lands mid-channel, under its parent: bring it into view as Slack opens a thread.
  if (scrolledOnce && newest && isReply(newest)) {
    box.querySelector(`[data-key="${CSS.escape(newest.key)}"]`)?.scrollIntoView({ block: 'nearest' });
  }
  scrolledOnce = true;
}
function describeNext(group: Group | undefined): string {
  if (!group) return 'No working group uses this channel.';
  const on = group.current;
  if (on) {
    const wrapUp = fmt(new Date(on.wrapUpAt), { hour: 'numeric', minute: '2-digit' });
    return `${group.name} · on now: ${on.title} (wrap-up at ${wrapUp}, your time)`;
  }
  const next = group.next;
  if (!next) return `${group.name} · no meeting planned`;
  const when = fmt(new Date(next.startsAt), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
  return `${group.name} · next: ${next.title}, ${when} (your time, ${BROWSER_ZONE})`;
}
function renderChannels(s: SandboxState): void {
  const ids = s.channels.map((c) => c.id);
  for (const e of s.timeline) if (e.channel && !e.dm && !ids.includes(e.channel)) ids.push(e.channel);
  // The viewer's own DM with gavel, once gavel wrote there; nobody else's.
  const dm = s.timeline.find((e) => e.dm && e.user === viewer)?.channel;
  const all = dm ? [...ids, dm] : ids;
  if (!channel || !all.includes(channel)) channel = all[0];
  const key = JSON.stringify([channel, s.channels, all]);
  if (key !== rendered.channels) {
    rendered.channels = key;
    const button = (id: string, label: string, small: string) =>
      `<button type="button" data-channel="${esc(id)}"${id === channel ? ' class="active"' : ''}>${esc(label)}` +
      (small ? `<small>${esc(small)}</small>` : '') +
      '</button>';
    $('channels').innerHTML =
      ids
        .map((id) => {
          const c = s.channels.find((x) => x.id === id);
          return button(id, '# ' + (c ? c.name : id), c?.group?.name ?? '');
        })
        .join('') + (dm ? '<h2>Direct messages</h2>' + button(dm, 'gavel', '') : '');
  }
  const current = s.channels.find((x) => x.id === channel);
  if (channel !== undefined && channel === dm) {
    // As Slack titles a DM with an app: the app's name, and what the conversation is.
    $('channel-name').textContent = 'gavel';
    $('channel-info').textContent = 'Direct message with gavel';
  } else {
    $('channel-name').textContent = current ? '#' + current.name : '#' + (channel ?? '');
    $('channel-info').textContent = describeNext(current?.group);
  }
}

// ---- side panes
function renderDocs(s: SandboxState): void {
  const key = JSON.stringify(s.docs);
  if (key === rendered.docs) return;
  rendered.docs = key;
  $('docs').innerHTML =
    s.docs.length === 0
      ? '<div class="empty">No group keeps minutes in Google Docs.</div>'
      : s.docs
          .map(
            (d) =>
              `<details class="card" open data-testid="doc"><summary class="title">${esc(d.name)}</summary>` +
              `<div class="meta">${esc(d.group)} · doc id ${esc(d.id)}</div><pre>${esc(d.text)}</pre></details>`,
          )
          .join('');
}
/** The issue a link in a message last showed in the pane. */
let highlighted = '';
function renderIssues(s: SandboxState): void {
  const key = JSON.stringify([s.issues, highlighted]);
  if (key === rendered.issues) return;
  rendered.issues = key;
  $('issues').innerHTML =
    s.issues.length === 0
      ? '<div class="empty">No issues yet. Record an action item: <code>/todo @bob Write the blog post by Friday</code></div>'
      : s.issues
          .map(
            (i) =>
              `<div class="card${issueKey(i.repo, i.number) === highlighted ? ' highlight' : ''}" data-testid="issue"` +
              ` id="${esc(issueAnchor(issueKey(i.repo, i.number)))}" data-issue-key="${esc(issueKey(i.repo, i.number))}">` +
              `<div class="title">${esc(i.title)}</div>` +
              `<div class="meta">${esc(i.repo)}#${esc(i.number)}` +
              ` · <span class="state-${esc(i.state)}">${esc(i.state)}</span>` +
              (i.assignees.length ? ` · assigned to ${esc(i.assignees.join(', '))}` : '') +
              `</div><div>${i.labels.map((l) => `<span class="label">${esc(l)}</span>`).join('')}</div>` +
              `<details><summary class="meta">body${i.comments.length ? ` and ${i.comments.length} comment(s)` : ''}` +
              `</summary><pre>${esc(i.body)}` +
              (i.comments.length ? '\n\n---\n' + esc(i.comments.join('\n---\n')) : '') +
              '</pre></details></div>',
          )
          .join('');
}

// ---- modals, rendered as forms; their values go back in Slack's view.state.values shape
function optionsHtml(e: WithOptions, selectedValues: readonly (string | undefined)[]): string {
  const one = (o: SlackOption) =>
    `<option value="${esc(o.value)}"${selectedValues.includes(o.value) ? ' selected' : ''}>${esc(plain(o.text))}</option>`;
  if (e.option_groups) {
    return e.option_groups
      .map((g) => `<optgroup label="${esc(plain(g.label))}">${g.options.map(one).join('')}</optgroup>`)
      .join('');
  }
  return (e.options || []).map(one).join('');
}
function allOptions(e: WithOptions): readonly SlackOption[] {
  if (e.option_groups) return e.option_groups.flatMap((g) => g.options);
  return e.options || [];
}
function asOption(o: { value: string; text: string }): SlackOption {
  return { value: o.value, text: { type: 'plain_text', text: o.text } };
}
function control(s: SandboxState, e: BlockElement, id: string): string {
  const ph = e.placeholder ? ` placeholder="${esc(plain(e.placeholder))}"` : '';
  const maxLength = e.max_length ? ` maxlength="${Number(e.max_length)}"` : '';
  const users = s.users.map((u) => ({ value: u.id, text: `${u.name} (${u.realName})` }));
  const chans = s.channels.map((c) => ({ value: c.id, text: '#' + c.name }));
  switch (e.type) {
    case 'plain_text_input':
      return e.multiline
        ? `<textarea id="${id}"${ph}${maxLength}>${esc(e.initial_value)}</textarea>`
        : `<input type="text" id="${id}"${ph}${maxLength} value="${esc(e.initial_value)}">`;
    case 'number_input':
      return `<input type="number" id="${id}" value="${esc(e.initial_value)}">`;
    case 'datepicker':
      return `<input type="date" id="${id}" value="${esc(e.initial_date)}">`;
    case 'timepicker':
      return `<input type="time" id="${id}" value="${esc(e.initial_time)}">`;
    case 'static_select':
      return (
        `<select id="${id}"><option value="">${esc(plain(e.placeholder) || 'Choose…')}</option>` +
        optionsHtml(e, e.initial_option ? [e.initial_option.value] : []) +
        '</select>'
      );
    case 'multi_static_select':
      return `<select multiple id="${id}">${optionsHtml(
        e,
        (e.initial_options || []).map((o) => o.value),
      )}</select>`;
    case 'users_select':
      return (
        `<select id="${id}"><option value="">Choose someone…</option>` +
        optionsHtml({ options: users.map(asOption) }, [e.initial_user]) +
        '</select>'
      );
    case 'multi_users_select':
      return `<select multiple id="${id}">${optionsHtml({ options: users.map(asOption) }, e.initial_users || [])}</select>`;
    case 'conversations_select':
    case 'channels_select':
      return (
        `<select id="${id}"><option value="">Choose a channel…</option>` +
        optionsHtml({ options: chans.map(asOption) }, [e.initial_conversation || e.initial_channel]) +
        '</select>'
      );
    case 'checkboxes':
    case 'radio_buttons': {
      const chosen = (e.initial_options || (e.initial_option ? [e.initial_option] : [])).map((o) => o.value);
      const type = e.type === 'checkboxes' ? 'checkbox' : 'radio';
      return (e.options || [])
        .map(
          (o, k) =>
            `<label><input type="${type}" name="${id}" id="${id}-${k}" value="${esc(o.value)}"` +
            `${chosen.includes(o.value) ? ' checked' : ''}> ${esc(plain(o.text))}</label><br>`,
        )
        .join('');
    }
    default:
      return `<span class="unsupported">[${esc(e.type)} (not supported in the sandbox)]</span>`;
  }
}
function valueOf(c: FormControl): Record<string, unknown> {
  const e = c.element;
  const { type } = e;
  // Absent for the controls rendered as several inputs (checkboxes, radio buttons) or none.
  const node = document.getElementById(c.id) as
    HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  const selectedValues = () =>
    node instanceof HTMLSelectElement ? Array.from(node.selectedOptions, (o) => o.value) : [];
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
      return { type, value: node!.value === '' ? null : node!.value };
    case 'datepicker':
      return { type, selected_date: node!.value || null };
    case 'timepicker':
      return { type, selected_time: node!.value || null };
    case 'static_select':
      return { type, selected_option: allOptions(e).find((o) => o.value === node!.value) || null };
    case 'multi_static_select':
      return { type, selected_options: allOptions(e).filter((o) => selectedValues().includes(o.value)) };
    case 'users_select':
      return { type, selected_user: node!.value || null };
    case 'multi_users_select':
      return { type, selected_users: selectedValues() };
    case 'conversations_select':
      return { type, selected_conversation: node!.value || null };
    case 'channels_select':
      return { type, selected_channel: node!.value || null };
    case 'checkboxes':
    case 'radio_buttons': {
      const picked = (e.options || []).filter((_o, k) => {
        const box = document.getElementById(`${c.id}-${k}`);
        return box instanceof HTMLInputElement && box.checked;
      });
      return type === 'checkboxes'
        ? { type, selected_options: picked }
        : { type, selected_option: picked[0] || null };
    }
    default:
      return { type };
  }
}
function renderModal(s: SandboxState): void {
  const modal = s.modals.filter((m) => m.user === viewer).slice(-1)[0];
  const key = modal ? JSON.stringify([modal.viewId, modal.view]) : '';
  const form = $<HTMLFormElement>('modal');
  if (key !== rendered.modal) {
    rendered.modal = key;
    rendered.errors = '';
    formControls = [];
    $('overlay').classList.toggle('open', Boolean(modal));
    if (!modal) {
      form.innerHTML = '';
      return;
    }
    const v = modal.view;
    form.dataset.viewId = modal.viewId;
    const fields = (v.blocks || []).map((b, k) => {
      const blockId = b.block_id || `block-${k}`;
      if (b.type !== 'input') return blocks([b], '');
      const e = b.element || {};
      const id = `f-${k}`;
      formControls.push({ id, blockId, actionId: e.action_id || `action-${k}`, element: e });
      return (
        `<div class="input"><label for="${id}">${esc(plain(b.label))}` +
        (b.optional ? ' <span class="optional">(optional)</span>' : '') +
        '</label>' +
        control(s, e, id) +
        (b.hint ? `<div class="hint">${esc(plain(b.hint))}</div>` : '') +
        `<div class="error" data-error-for="${esc(blockId)}"></div></div>`
      );
    });
    form.innerHTML =
      `<h2>${esc(plain(v.title))}</h2><div class="fields">${fields.join('')}` +
      '<div class="error" data-error-for=""></div></div><div class="buttons">' +
      `<button type="button" class="btn" id="modal-close">${esc(plain(v.close) || 'Cancel')}</button>` +
      (v.submit
        ? `<button type="submit" class="btn primary" id="modal-submit">${esc(plain(v.submit))}</button>`
        : '') +
      '</div>';
    const first = form.querySelector<HTMLElement>('input, textarea, select');
    if (first) first.focus();
  }
  if (!modal) return;
  const errors = JSON.stringify(modal.errors || {});
  if (errors === rendered.errors) return;
  rendered.errors = errors;
  for (const node of form.querySelectorAll('[data-error-for]')) {
    node.textContent = (modal.errors || {})[node.getAttribute('data-error-for')!] || '';
  }
}

// ---- talking to the server
function api<T>(path: string, body?: unknown): Promise<T> {
  return fetch(
    '/sandbox/api/' + path,
    body === undefined
      ? { cache: 'no-store' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  ).then((res) =>
    res.json().then((json: T & { error?: string }) => {
      if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
      return json;
    }),
  );
}
function render(): void {
  const s = state!;
  if (!viewer) viewer = s.users[0]!.id;
  const select = $<HTMLSelectElement>('user-select');
  if (select.options.length !== s.users.length) {
    select.innerHTML = s.users
      .map((u) => `<option value="${esc(u.id)}">${esc(u.name + ' — ' + u.realName)}</option>`)
      .join('');
    select.value = viewer;
  }
  const clock = fmt(new Date(s.clock), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  });
  $('clock').textContent = `${clock} (${BROWSER_ZONE})`;
  renderChannels(s);
  renderMessages(s);
  renderDocs(s);
  renderIssues(s);
  renderModal(s);
}
function refresh(): Promise<void> {
  return api<SandboxState>('state')
    .then((s) => {
      state = s;
      render();
    })
    .catch((err: Error) => {
      $('clock-status').textContent = 'sandbox unreachable: ' + err.message;
    });
}
function jump(body: { jumpTo?: string; advanceMinutes?: number; channel?: string | null }): void {
  $('clock-status').textContent = 'moving the clock…';
  body.channel = channel;
  api<{ jobsRun: number }>('clock', body)
    .then((r) => {
      $('clock-status').textContent = `${r.jobsRun} job(s) ran`;
      return refresh();
    })
    .catch((err: Error) => {
      $('clock-status').textContent = err.message;
    });
}
/** The element a click landed in that matches `selector`, if any. */
function clicked(ev: Event, selector: string): HTMLElement | null {
  return ev.target instanceof Element ? ev.target.closest<HTMLElement>(selector) : null;
}

$<HTMLSelectElement>('user-select').addEventListener('change', (ev) => {
  viewer = (ev.target as HTMLSelectElement).value;
  void refresh();
});
$('channels').addEventListener('click', (ev) => {
  const b = clicked(ev, 'button[data-channel]');
  if (b) {
    channel = b.getAttribute('data-channel');
    scrolledOnce = false;
    render();
  }
});
$('jump-next').addEventListener('click', () => jump({ jumpTo: 'next-meeting-minus-10m' }));
$('jump-start').addEventListener('click', () => jump({ jumpTo: 'next-meeting-start' }));
$('jump-wrapup').addEventListener('click', () => jump({ jumpTo: 'wrap-up' }));
$('jump-hour').addEventListener('click', () => jump({ advanceMinutes: 60 }));
$('jump-day').addEventListener('click', () => jump({ advanceMinutes: 1440 }));
$('composer').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = $<HTMLInputElement>('command-input');
  const text = input.value.trim();
  if (!text) return;
  $('composer-error').textContent = '';
  api('command', { user: viewer, channel, text })
    .then(() => {
      input.value = '';
      return refresh();
    })
    .catch((err: Error) => {
      $('composer-error').textContent = err.message;
    });
});
const HINTS = [
  '/agenda add Review the CloudEvents 2.0 PR',
  '/agenda list',
  '/agenda',
  '/todo @bob Write the blog post by Friday',
  '/todo list',
  '/meeting next',
  '/meeting notes',
  '/meeting here',
  '/meeting attendance',
  '/meeting recording https://example.org/rec',
  '/decision We adopt the plan',
  '/decision list',
  '/agenda help',
];
$('hints').innerHTML = 'Try: ' + HINTS.map((h) => `<button type="button">${esc(h)}</button>`).join('');
$('hints').addEventListener('click', (ev) => {
  const b = clicked(ev, 'button');
  if (b) {
    const input = $<HTMLInputElement>('command-input');
    input.value = b.textContent;
    input.focus();
  }
});
/** A link to the GitHub stand-in's issue shows it in the issues pane, open and highlighted. */
$('messages').addEventListener('click', (ev) => {
  const a = clicked(ev, 'a[data-issue]');
  if (!a || !state) return;
  ev.preventDefault();
  highlighted = a.getAttribute('data-issue') || '';
  renderIssues(state);
  const card = document.getElementById(issueAnchor(highlighted));
  card?.querySelector('details')?.setAttribute('open', '');
  card?.scrollIntoView({ block: 'nearest' });
});
$('messages').addEventListener('click', (ev) => {
  const b = clicked(ev, 'button[data-action]');
  if (!b) return;
  const body: Record<string, string | null | undefined> = {
    user: viewer,
    channel,
    entryKey: b.getAttribute('data-entry'),
    actionId: b.getAttribute('data-action'),
    blockId: b.getAttribute('data-block'),
  };
  if (!b.hasAttribute('data-novalue')) body.value = b.getAttribute('data-value');
  api('action', body)
    .then(refresh)
    .catch((err: Error) => {
      $('composer-error').textContent = err.message;
    });
});
$('modal').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const values: Record<string, Record<string, unknown>> = {};
  for (const c of formControls) {
    const block = values[c.blockId] ?? {};
    block[c.actionId] = valueOf(c);
    values[c.blockId] = block;
  }
  api('submit', { user: viewer, viewId: $('modal').dataset.viewId, values })
    .then(refresh)
    .catch((err: Error) => {
      const n = document.querySelector('[data-error-for=""]');
      if (n) n.textContent = err.message;
    });
});
$('modal').addEventListener('click', (ev) => {
  if (!(ev.target instanceof Element) || ev.target.id !== 'modal-close') return;
  void api('close', { user: viewer, viewId: $('modal').dataset.viewId }).then(refresh);
});
void refresh();
setInterval(() => void refresh(), 1000);
