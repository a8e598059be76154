/**
 * Reordering a meeting's agenda. Items keep their numbers (what `/agenda remove 3` names
 * never changes under someone's feet); the order is the order of discussion. Only the items
 * still to discuss are reordered: covered and dropped ones keep their places.
 */
export type OrderRequest =
  | { readonly kind: 'shift'; readonly number: number; readonly to: ShiftTo }
  | { readonly kind: 'order'; readonly numbers: readonly number[] };

export type ShiftTo = 'top' | 'up' | 'down' | 'bottom';
export const SHIFTS: readonly ShiftTo[] = ['top', 'up', 'down', 'bottom'];

/** At most this many numbers in one `/agenda order`. */
export const ORDER_MAX = 100;

export type OrderPlan =
  | { readonly ok: true; readonly order: readonly number[]; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * The open items' numbers in their new order. `items` is the meeting's agenda in its
 * current order, every status.
 */
export function planOrder(
  items: readonly { readonly number: number; readonly status: string }[],
  request: OrderRequest,
): OrderPlan {
  const open = items.filter((i) => i.status === 'open').map((i) => i.number);
  const notOpen = (n: number): string | undefined => {
    const item = items.find((i) => i.number === n);
    if (!item) return `There is no item #${n} on this agenda. See \`/agenda list\`.`;
    if (item.status !== 'open') return `#${n} is ${item.status}: only items still to discuss are reordered.`;
    return undefined;
  };
  if (request.kind === 'shift') {
    const problem = notOpen(request.number);
    if (problem) return { ok: false, message: problem };
    const order = shifted(open, request.number, request.to);
    return { ok: true, order, changed: order.some((n, i) => n !== open[i]) };
  }
  const seen = new Set<number>();
  for (const n of request.numbers) {
    if (seen.has(n)) return { ok: false, message: `#${n} is named twice. ${listHint(open)}` };
    seen.add(n);
    const problem = notOpen(n);
    if (problem) return { ok: false, message: `${problem} ${listHint(open)}` };
  }
  const missing = open.filter((n) => !seen.has(n));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Name every item still to discuss, in the new order: ${missing.map((n) => `#${n}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. ${listHint(open)}`,
    };
  }
  const order = [...request.numbers];
  return { ok: true, order, changed: order.some((n, i) => n !== open[i]) };
}

function shifted(open: readonly number[], n: number, to: ShiftTo): number[] {
  const rest = open.filter((x) => x !== n);
  const at = open.indexOf(n);
  const place = { top: 0, up: Math.max(0, at - 1), down: Math.min(rest.length, at + 1), bottom: rest.length }[
    to
  ];
  return [...rest.slice(0, place), n, ...rest.slice(place)];
}

const listHint = (open: readonly number[]) =>
  open.length === 0
    ? 'Nothing is left to discuss on this agenda.'
    : `In their current order the items still to discuss are ${open.join(' ')}.`;
