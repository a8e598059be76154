import { STAGE_AHEAD_MS } from './reminderDelivery.js';

const MINUTE_MS = 60_000;

/**
 * The part of the workspace's Slack call budget that reminder hand-overs may plan to use: the
 * rest stays free for what cannot be planned (notices, item messages, follow-ups, retries).
 */
const HAND_OVER_SHARE = 0.8;

/** Hand-overs planned per minute under a workspace budget of `callsPerMinute` Slack calls. */
export function handOversPerMinute(callsPerMinute: number): number {
  return Math.max(1, Math.floor(callsPerMinute * HAND_OVER_SHARE));
}

/** One reminder to be handed over: its job's key and the minute it must appear in the channel. */
export interface DueReminder {
  readonly key: string;
  readonly dueAt: Date;
}

/**
 * When each reminder's job runs, so that no minute hands more than `perMinute` reminders to
 * Slack. chat.scheduleMessage counts against the same workspace limit as chat.postMessage,
 * so a burst (2,000 groups meeting on the hour) handed over in the usual STAGE_AHEAD_MS
 * window would be refused with 429s and post late. Each reminder is handed over in the
 * latest minute, at or before its usual one, that still has room: a lone reminder keeps its
 * usual time (and so the freshest agenda), a burst starts as far ahead as it needs, and
 * bursts a few minutes apart share the minutes before them. Ties are broken by key, so every
 * replica, planning the same groups, reaches the same times.
 *
 * Returns the run time of each reminder whose hand-over moved earlier; the others keep
 * `dueAt − STAGE_AHEAD_MS`.
 */
export function spreadHandOvers(reminders: readonly DueReminder[], perMinute: number): Map<string, Date> {
  const usual = (r: DueReminder) => r.dueAt.getTime() - STAGE_AHEAD_MS;
  const latestFirst = [...reminders].sort(
    (a, b) => usual(b) - usual(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const taken = new Map<number, number>();
  // A full minute points at the next one to try below it, so a long burst is not rescanned.
  const below = new Map<number, number>();
  const roomAtOrBefore = (minute: number): number => {
    let m = minute;
    const path: number[] = [];
    while ((taken.get(m) ?? 0) >= perMinute) {
      path.push(m);
      m = below.get(m) ?? m - 1;
    }
    for (const p of path) below.set(p, m);
    return m;
  };
  const moved = new Map<string, Date>();
  for (const r of latestFirst) {
    const at = usual(r);
    const minute = Math.floor(at / MINUTE_MS);
    const slot = roomAtOrBefore(minute);
    taken.set(slot, (taken.get(slot) ?? 0) + 1);
    if (slot !== minute) moved.set(r.key, new Date(at - (minute - slot) * MINUTE_MS));
  }
  return moved;
}
