import { type PruneDeps, pruneOldRecords } from '../usecases/housekeeping/pruneOldRecords.js';
import type { JobHandler } from './jobHandler.js';

/** The hourly housekeeping job → pruneOldRecords. */
export const retentionJob =
  (deps: PruneDeps): JobHandler =>
  (_job, { now, log }) =>
    pruneOldRecords(deps, now, log);
