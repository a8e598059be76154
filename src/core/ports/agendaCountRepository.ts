import type { AgendaCountReading, CountFailure } from '../agenda/agendaCounts.js';
import type { GroupId } from '../ids.js';

/**
 * What gavel last learnt of each of a group's agenda counts. The job before each reminder
 * and minutes doc writes it; the reminder and the doc only read it, so they never wait on
 * GitHub and a failed refresh keeps the last known total.
 */
export interface AgendaCountRepository {
  forGroup(groupId: GroupId): Promise<AgendaCountReading[]>;
  recordTotal(groupId: GroupId, query: string, total: number, now: Date): Promise<void>;
  /** Keeps the last total; only says that, and why, this refresh failed. */
  recordFailure(groupId: GroupId, query: string, failure: CountFailure, now: Date): Promise<void>;
}
