import type { KnownBlock } from '@slack/types';

/** Block action ids of the question `/todo` asks before recording a likely mistake. */
export const TODO_CONFIRM_ACTIONS = {
  /** "Record it anyway"; its value is a `ConfirmValue`. */
  record: 'todo.confirm_record',
  cancel: 'todo.confirm_cancel',
} as const;

/** Slack's limit on a button's value. */
export const BUTTON_VALUE_MAX = 2000;
/**
 * How long "Record it anyway" stays usable. Its nonce is remembered for a day (the Slack
 * event log keeps ids that long), so a question older than that is refused, not replayed.
 */
export const CONFIRM_TTL_MS = 23 * 60 * 60 * 1000;
/** Slack's clocks and ours may differ a little; a question from the future beyond this is refused. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const NONCE = /^[A-Za-z0-9._-]{1,100}$/;

/** What "Record it anyway" carries: the command's text, recorded once under `nonce`. */
export interface ConfirmValue {
  /** The command's trigger id: pressing twice records once. */
  readonly nonce: string;
  /** The `/todo` text as typed; parsed and checked again when pressed. */
  readonly text: string;
  /** When the question was asked (ms since the epoch). */
  readonly askedAt: number;
}

/** The button's value, or undefined when it would be too long for Slack (or the nonce is odd). */
export function encodeConfirmValue(value: ConfirmValue): string | undefined {
  if (!NONCE.test(value.nonce)) return undefined;
  // `<`, `>` and `&` as JSON escapes: nothing in the value looks like Slack markup, even unread.
  const encoded = JSON.stringify({ n: value.nonce, t: value.text, a: value.askedAt }).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return encoded.length <= BUTTON_VALUE_MAX ? encoded : undefined;
}

export type ReadConfirm =
  { readonly ok: true; readonly value: ConfirmValue } | { readonly ok: false; readonly message: string };

/** Reads a pressed button's value back, trusting nothing in it: shape, sizes and age are checked. */
export function readConfirmValue(raw: string | undefined, now: Date): ReadConfirm {
  const broken: ReadConfirm = {
    ok: false,
    message: 'This question is out of date: type the `/todo` command again.',
  };
  if (raw === undefined || raw.length > BUTTON_VALUE_MAX) return broken;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return broken;
  }
  if (typeof parsed !== 'object' || parsed === null) return broken;
  const { n, t, a } = parsed as Record<string, unknown>;
  if (typeof n !== 'string' || !NONCE.test(n)) return broken;
  if (typeof t !== 'string' || t.trim() === '') return broken;
  if (typeof a !== 'number' || !Number.isFinite(a)) return broken;
  const age = now.getTime() - a;
  if (age > CONFIRM_TTL_MS || age < -CLOCK_SKEW_MS) {
    return {
      ok: false,
      message:
        'This question is more than a day old, so nothing was recorded: type the `/todo` command again.',
    };
  }
  return { ok: true, value: { nonce: n, text: t, askedAt: a } };
}

/**
 * The ephemeral question: `question` (mrkdwn, already escaped), then **Record it anyway**
 * and **Cancel**. Without a value (the text is too long to carry) only Cancel is offered
 * and `fallback` says how to record it instead.
 */
export function confirmBlocks(question: string, value: string | undefined, fallback: string): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: value ? question : `${question}\n${fallback}` } },
    {
      type: 'actions',
      elements: [
        ...(value
          ? [
              {
                type: 'button' as const,
                action_id: TODO_CONFIRM_ACTIONS.record,
                text: { type: 'plain_text' as const, text: 'Record it anyway' },
                style: 'primary' as const,
                value,
              },
            ]
          : []),
        {
          type: 'button' as const,
          action_id: TODO_CONFIRM_ACTIONS.cancel,
          text: { type: 'plain_text' as const, text: 'Cancel' },
          value: 'cancel',
        },
      ],
    },
  ];
}
