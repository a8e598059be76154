import { type Kysely, sql } from 'kysely';
import { DEFAULT_MAX_ATTEMPTS, retryDelayMs } from '../core/jobs/retryBackoff.js';
import type { JobQueue, JobSpec } from '../core/ports/jobQueue.js';
import { prefixUpperBound } from './keyPrefixRange.js';
import type { Dialect } from './openDatabase.js';
import type { JobStatus } from '../core/model/job.js';
import { toJob } from './domainRows.js';
import type { Database } from './schema.js';

const iso = (d: Date) => d.toISOString();
/** Errors are kept for the operator, not for a novel: bound what a failing API can make us store. */
const MAX_ERROR_LENGTH = 2000;
/** States no worker will move a job out of by itself (only enqueue revives a cancelled one). */
const FINISHED: JobStatus[] = ['done', 'failed', 'cancelled'];

export function jobQueueStore(db: Kysely<Database>, dialect: Dialect): JobQueue {
  const queue: JobQueue = {
    async enqueue(jobs, now) {
      if (jobs.length === 0) return 0;
      if (dialect === 'postgres') return (await replacePendingPostgres(db, [], jobs, now)).added;
      let added = 0;
      // Chunked so a big re-plan stays under SQLite's bound-parameter limit.
      for (let i = 0; i < jobs.length; i += 200) {
        const rows = jobs.slice(i, i + 200).map((j) => toRow(j, now));
        const result = await db
          .insertInto('jobs')
          .values(rows)
          // A key seen before is left alone, except a cancelled job, which comes back: a meeting
          // restored after `/meeting cancel` gets its reminders again.
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet((eb) => ({
                status: 'pending',
                run_at: eb.ref('excluded.run_at'),
                payload: eb.ref('excluded.payload'),
                attempts: 0,
                last_error: null,
                updated_at: eb.ref('excluded.updated_at'),
              }))
              .where('jobs.status', '=', 'cancelled'),
          )
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async claimDue(owner, now, limit, leaseMs) {
      const nowIso = iso(now);
      const due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
            // A worker that died mid-job leaves it running with an expired lease.
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', nowIso)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit);
      // PostgreSQL: concurrent replicas skip each other's locked rows instead of waiting or
      // double-claiming. SQLite: the single UPDATE is atomic under its database lock.
      const claimable = dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      const claimed = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          lease_owner: owner,
          lease_until: iso(new Date(now.getTime() + leaseMs)),
          attempts: eb('attempts', '+', 1),
          updated_at: nowIso,
        }))
        .where('id', 'in', claimable)
        .returningAll()
        .execute();
      return claimed
        .sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id - b.id))
        .map(toJob);
    },

    async renew(id, owner, leaseUntil) {
      const result = await db
        .updateTable('jobs')
        .set({ lease_until: iso(leaseUntil) })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async nextWakeAt() {
      // Two index-friendly minimums rather than one scan over both states.
      const [pending, running] = await Promise.all([
        db
          .selectFrom('jobs')
          .select((eb) => eb.fn.min('run_at').as('at'))
          .where('status', '=', 'pending')
          .executeTakeFirst(),
        db
          .selectFrom('jobs')
          .select((eb) => eb.fn.min('lease_until').as('at'))
          .where('status', '=', 'running')
          .executeTakeFirst(),
      ]);
      const times = [pending?.at, running?.at].filter((t): t is string => typeof t === 'string');
      return times.length === 0 ? undefined : new Date(times.sort()[0]!);
    },

    async complete(id, owner, now) {
      await db
        .updateTable('jobs')
        .set({ status: 'done', lease_owner: null, lease_until: null, updated_at: iso(now) })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },

    async fail(id, owner, error, now, { retryable }) {
      const job = await db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      if (!job) return;
      const retry = retryable && job.attempts < job.max_attempts;
      await db
        .updateTable('jobs')
        .set({
          status: retry ? 'pending' : 'failed',
          run_at: retry ? iso(new Date(now.getTime() + retryDelayMs(job.attempts))) : job.run_at,
          last_error: error.slice(0, MAX_ERROR_LENGTH),
          lease_owner: null,
          lease_until: null,
          updated_at: iso(now),
        })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },

    async cancelPending(prefix, keep, now) {
      const status = statusOffIndex(dialect);
      const prefixes = typeof prefix === 'string' ? [prefix] : prefix;
      if (prefixes.length === 0) return 0;
      const inRange = db
        .selectFrom('jobs')
        .select(['id', 'key'])
        .where(keyUnderPrefixes(dialect, prefixes))
        .where(status, '=', 'pending');
      const pending = await inRange.execute();
      // startsWith as well: whatever the range lets through, nothing outside the prefix is touched.
      const ids = pending
        .filter((j) => prefixes.some((p) => j.key.startsWith(p)) && !keep.has(j.key))
        .map((j) => j.id);
      // Chunked: forgetting a big group must stay under the engines' bound-parameter limits.
      for (let i = 0; i < ids.length; i += 500) {
        await db
          .updateTable('jobs')
          .set({ status: 'cancelled', updated_at: iso(now) })
          .where('id', 'in', ids.slice(i, i + 500))
          .where(status, '=', 'pending')
          .execute();
      }
      return ids.length;
    },

    async replacePending(prefixes, jobs, now) {
      if (dialect === 'postgres') return replacePendingPostgres(db, prefixes, jobs, now);
      // SQLite answers in-process, so three statements cost no round trips.
      const added = await queue.enqueue(jobs, now);
      const cancelled = await queue.cancelPending(prefixes, new Set(jobs.map((j) => j.key)), now);
      return { added, cancelled };
    },

    async reopenDone(key, now) {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', updated_at: iso(now) })
        .where('key', '=', key)
        .where('status', '=', 'done')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async byKey(key) {
      const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toJob(row) : undefined;
    },

    async pruneFinished(before, limit) {
      // One bounded statement (index jobs_status_updated_at): each call holds SQLite's writer
      // only for `limit` rows, and a row revived by enqueue in the meantime is no longer
      // finished, so it is not selected.
      const old = db
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', FINISHED)
        .where('updated_at', '<', iso(before))
        .limit(limit);
      // PostgreSQL: another replica pruning at the same time skips these rows instead of waiting.
      const mine = dialect === 'postgres' ? old.forUpdate().skipLocked() : old;
      const result = await db.deleteFrom('jobs').where('id', 'in', mine).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async countByKind(statuses) {
      if (statuses.length === 0) return [];
      // Index jobs_status_run_at leads with status: the finished bulk (done) is never read.
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['kind', 'status', eb.fn.countAll<number | string | bigint>().as('count')])
        .where('status', 'in', statuses)
        .groupBy(['kind', 'status'])
        .execute();
      return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count) }));
    },
  };
  return queue;
}

/**
 * `key` compared byte-wise on both engines: SQLite's default BINARY (the unique index on key),
 * PostgreSQL's "C" (index jobs_key_c), never the database's collation, under which a range is
 * not a prefix.
 */
function byteWiseKey(dialect: Dialect) {
  return dialect === 'postgres' ? sql<string>`${sql.ref('key')} collate "C"` : sql<string>`${sql.ref('key')}`;
}

/**
 * `key` starts with one of `prefixes` (at least one), as key ranges rather than substr(), so
 * the index on key answers them instead of a scan of every pending job.
 */
function keyUnderPrefixes(dialect: Dialect, prefixes: readonly string[]) {
  const key = byteWiseKey(dialect);
  const ranges = prefixes.map((p) => {
    const upper = prefixUpperBound(p);
    return upper === undefined ? sql`${key} >= ${p}` : sql`(${key} >= ${p} and ${key} < ${upper})`;
  });
  return sql<boolean>`(${sql.join(ranges, sql` or `)})`;
}

/**
 * `status` as an expression no index answers. Either engine without statistics (a fresh
 * database, PostgreSQL with autovacuum off or still behind a bulk plan) rates `status = ?` on
 * jobs_status_run_at worth combining with a key range or an id list, and then walks every
 * pending job on every call, so planning grew as the square of the groups. Written as an
 * expression (SQLite's unary +, PostgreSQL's `|| ''`), status is checked only on the few rows
 * the key or id found.
 */
function statusOffIndex(dialect: Dialect) {
  return dialect === 'sqlite'
    ? sql<string>`+${sql.ref('status')}`
    : sql<string>`(${sql.ref('status')} || '')`;
}

/**
 * enqueue and replacePending on PostgreSQL in one statement: the jobs travel as one array a
 * column (unnest), so a plan's fifty rows are nine parameters rather than four hundred and
 * fifty, and the cancellation of whatever else is pending under the prefixes rides along in
 * the same round trip and commit. The two data-modifying parts see the same snapshot and touch
 * disjoint rows: the insert revives only cancelled rows, which are in the plan; the update
 * cancels only pending rows, which are not.
 */
async function replacePendingPostgres(
  db: Kysely<Database>,
  prefixes: readonly string[],
  jobs: readonly JobSpec[],
  now: Date,
): Promise<{ added: number; cancelled: number }> {
  // One row per key: PostgreSQL refuses an upsert that meets its own row twice (SQLite's
  // VALUES path simply leaves the second alone, and so does this).
  const unique = [...new Map(jobs.map((j) => [j.key, j])).values()];
  const keys = unique.map((j) => j.key);
  const at = iso(now);
  const cancelled =
    prefixes.length === 0
      ? sql`select 1 where false`
      : sql`update jobs set status = 'cancelled', updated_at = ${at}
            where ${keyUnderPrefixes('postgres', prefixes)} and ${statusOffIndex('postgres')} = 'pending'
              and not (key = any(${keys}::text[]))
            returning 1`;
  const result = await sql<{ added: string | number; cancelled: string | number }>`
    with incoming as (
      select * from unnest(
        ${keys}::text[], ${unique.map((j) => j.kind)}::text[], ${unique.map((j) => JSON.stringify(j.payload))}::text[],
        ${unique.map((j) => iso(j.runAt))}::text[], ${unique.map((j) => j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)}::int[]
      ) as t(key, kind, payload, run_at, max_attempts)
    ),
    added as (
      insert into jobs (key, kind, payload, status, run_at, attempts, max_attempts, created_at, updated_at)
      select key, kind, payload, 'pending', run_at, 0, max_attempts, ${at}, ${at} from incoming
      -- A key seen before is left alone, except a cancelled job, which comes back: a meeting
      -- restored after /meeting cancel gets its reminders again.
      on conflict (key) do update set
        status = 'pending', run_at = excluded.run_at, payload = excluded.payload,
        attempts = 0, last_error = null, updated_at = excluded.updated_at
      where jobs.status = 'cancelled'
      returning 1
    ),
    cancelled as (${cancelled})
    select (select count(*) from added) as added, (select count(*) from cancelled) as cancelled
  `.execute(db);
  const row = result.rows[0];
  return { added: Number(row?.added ?? 0), cancelled: Number(row?.cancelled ?? 0) };
}

function toRow(job: JobSpec, now: Date) {
  return {
    key: job.key,
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    status: 'pending' as const,
    run_at: iso(job.runAt),
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    created_at: iso(now),
    updated_at: iso(now),
  };
}
