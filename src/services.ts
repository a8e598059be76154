import type { Clock } from './core/clock.js';
import type { GroupDirectory } from './core/groupDirectory.js';
import type { Logger } from './log/logger.js';

/**
 * Everything listeners and jobs need, built once by the composition root (gavel.ts) and
 * passed down: no module-level clients, no globals.
 */
export interface Services {
  readonly clock: Clock;
  readonly groups: GroupDirectory;
  readonly log: Logger;
}
