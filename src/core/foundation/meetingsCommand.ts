/** What `/meetings …` asked for. Total: every text maps to one of these. */
export type MeetingsCommand =
  /** The next meeting of every group. */
  | { readonly kind: 'next' }
  /** Every meeting of every group in the next seven days. */
  | { readonly kind: 'week' }
  | { readonly kind: 'help'; readonly unknown?: string };

export function parseMeetingsCommand(text: string): MeetingsCommand {
  const head = text.trim().split(/\s+/, 1)[0]!.toLowerCase();
  switch (head) {
    case '':
    case 'next':
      return { kind: 'next' };
    case 'week':
      return { kind: 'week' };
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: head };
  }
}

export const MEETINGS_HELP = [
  '*/meetings* — every working group’s meetings, in your time zone (only you see the answer)',
  '• `/meetings` — the next meeting of each group',
  '• `/meetings week` — every meeting in the next seven days',
].join('\n');
