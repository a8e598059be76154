import type { JobSpec } from '../ports/jobQueue.js';
import type { SharedEvent } from '../ports/sharedCalendar.js';

export const CALENDAR_SYNC_JOB = 'calendar-sync';

export interface CalendarSyncPayload {
  readonly groupId: string;
}

/** Where a group's calendar-sync jobs live: the planner cancels older pending ones under it. */
export const calendarSyncPrefix = (groupId: string): string => `${CALENDAR_SYNC_JOB}:${groupId}:`;

/**
 * Brings the group's events in the shared calendar in line with `events` (what the plan says
 * now). One per group, hour and plan: the planner enqueues it on every run, and the key only
 * changes when the plan does or the hour turns (which heals edits made by hand).
 */
export const calendarSyncJobSpec = (groupId: string, events: readonly SharedEvent[], now: Date): JobSpec => ({
  key: `${calendarSyncPrefix(groupId)}${now.toISOString().slice(0, 13)}:${fingerprint(JSON.stringify(events))}`,
  kind: CALENDAR_SYNC_JOB,
  payload: { groupId } satisfies CalendarSyncPayload,
  runAt: now,
});

/** 64 bits of FNV-1a over the text (two 32-bit passes), as hex: enough to tell plans apart. */
export function fingerprint(text: string): string {
  const pass = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return pass(0x811c9dc5) + pass(0x050c5d1f);
}
