import type { CalendarSyncPayload } from '../core/calendar/calendarSyncJob.js';
import { type SyncSharedCalendarDeps, syncSharedCalendar } from '../usecases/calendar/syncSharedCalendar.js';
import { type JobHandler, parsePayload } from './jobHandler.js';

/** A claimed `calendar-sync` job → syncSharedCalendar (queued by the planner per group and plan). */
export const calendarSyncJob =
  (deps: SyncSharedCalendarDeps): JobHandler =>
  async (job, { now, log }) => {
    const { groupId } = parsePayload<CalendarSyncPayload>(job);
    const result = await syncSharedCalendar(deps, groupId, now, log);
    log.info({ group: groupId, ...result }, 'shared calendar synced');
  };
