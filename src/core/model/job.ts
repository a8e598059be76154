import type { Brand } from '../ids.js';

export type JobId = Brand<number, 'JobId'>;
export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** A unit of durable work, identified by its natural key (`reminder:<group>:<starts_at>:<lead>` …). */
export interface Job {
  readonly id: JobId;
  readonly key: string;
  readonly kind: string;
  /** The payload as enqueued (plain JSON data: ids, never text a user typed). */
  readonly payload: unknown;
  readonly status: JobStatus;
  readonly runAt: string;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
