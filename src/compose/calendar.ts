import { CALENDAR_SYNC_JOB } from '../core/calendar/calendarSyncJob.js';
import { calendarSyncJob } from '../jobs/calendarSyncJob.js';
import type { JobHandlers } from '../jobs/jobHandler.js';
import type { Services } from '../services.js';

/** The shared Google Calendar's sync job, only when GOOGLE_CALENDAR_ID is set. */
export function wireCalendar(services: Services): { jobs: JobHandlers } {
  const { groups, occurrences, calendar } = services;
  return {
    jobs: calendar ? { [CALENDAR_SYNC_JOB]: calendarSyncJob({ groups, occurrences, calendar }) } : {},
  };
}
