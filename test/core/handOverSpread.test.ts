import { describe, expect, it } from 'vitest';
import {
  handOversPerMinute,
  spreadHandOvers,
  type DueReminder,
} from '../../src/core/reminder/handOverSpread.js';
import { STAGE_AHEAD_MS } from '../../src/core/reminder/reminderDelivery.js';

const MINUTE = 60_000;
const HOUR = new Date('2026-11-26T17:00:00.000Z');

const burst = (count: number, dueAt: Date, tag = 'a'): DueReminder[] =>
  Array.from({ length: count }, (_, i) => ({ key: `reminder:${tag}-${i}:10m`, dueAt }));

/** Every reminder's run time: moved, or the usual two minutes before its minute. */
function runTimes(reminders: readonly DueReminder[], perMinute: number): Map<string, number> {
  const moved = spreadHandOvers(reminders, perMinute);
  return new Map(
    reminders.map((r) => [
      r.key,
      (moved.get(r.key) ?? new Date(r.dueAt.getTime() - STAGE_AHEAD_MS)).getTime(),
    ]),
  );
}

function perMinuteCounts(times: Map<string, number>): number[] {
  const counts = new Map<number, number>();
  for (const t of times.values())
    counts.set(Math.floor(t / MINUTE), (counts.get(Math.floor(t / MINUTE)) ?? 0) + 1);
  return [...counts.values()];
}

describe('spreading reminder hand-overs under the workspace budget', () => {
  it('leaves reminders that fit in their usual minute where they are', () => {
    expect(spreadHandOvers(burst(80, HOUR), 80).size).toBe(0);
  });

  it('hands a burst over as many minutes ahead as it needs, never more than the budget a minute', () => {
    const times = runTimes(burst(2000, HOUR), 80);
    expect(Math.max(...perMinuteCounts(times))).toBe(80);
    const earliest = Math.min(...times.values());
    // 2,000 / 80 = 25 minutes of hand-overs, ending in the usual minute.
    expect(HOUR.getTime() - STAGE_AHEAD_MS - earliest).toBe(24 * MINUTE);
    for (const t of times.values()) expect(t).toBeLessThanOrEqual(HOUR.getTime() - STAGE_AHEAD_MS);
  });

  it('lets bursts a few minutes apart share the minutes before them', () => {
    const reminders = [...burst(100, HOUR, 'a'), ...burst(100, new Date(HOUR.getTime() + 2 * MINUTE), 'b')];
    const times = runTimes(reminders, 50);
    expect(Math.max(...perMinuteCounts(times))).toBe(50);
    expect(times.size).toBe(200);
    // Four minutes of room are needed and taken, the latest burst's first.
    expect(new Set([...times.values()].map((t) => Math.floor(t / MINUTE))).size).toBe(4);
  });

  it('reaches the same times whatever order the groups come in (every replica agrees)', () => {
    const reminders = [...burst(30, HOUR, 'a'), ...burst(30, HOUR, 'b')];
    const forward = spreadHandOvers(reminders, 20);
    const backward = spreadHandOvers([...reminders].reverse(), 20);
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  it('plans hand-overs in 80% of the budget, leaving room for calls that cannot be planned', () => {
    expect(handOversPerMinute(100)).toBe(80);
    expect(handOversPerMinute(1)).toBe(1);
  });
});
