import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * After PostgreSQL restarts or fails over, every idle connection in the pool is dead, but the
 * pool only learns so when each one's error event arrives; a query that takes such a client
 * first fails ("terminating connection due to administrator command"), and so would the
 * command a person typed. The first statement on a client just taken from the pool is
 * therefore tried once more on a fresh client when it failed because the connection was
 * gone: it never reached a live backend, so running it again cannot run it twice. Any later
 * statement, or any other error, is the caller's as it was.
 */
export function reconnectingPool(pool: Pool): PostgresPool {
  return {
    connect: async () => firstStatementRetried(pool, await pool.connect()),
    end: () => pool.end(),
  };
}

function firstStatementRetried(pool: Pool, taken: PoolClient): PostgresPoolClient {
  let client = taken;
  let first = true;
  const query = async (sql: string, parameters: readonly unknown[]) => {
    const retry = first;
    first = false;
    try {
      return await client.query(statement(sql, parameters));
    } catch (error) {
      if (retry && connectionGone(error)) {
        // Destroyed, not returned: the pool must not hand out the dead connection again.
        client.release(error instanceof Error ? error : true);
        client = await pool.connect();
        return client.query(statement(sql, parameters));
      }
      if (!planInvalidated(error) || !names.has(sql)) throw error;
      // A migration changed what a prepared statement returns (another replica started
      // newer code): PostgreSQL refused it before running it, so it runs once more, as an
      // ordinary statement from now on.
      names.set(sql, undefined);
      return client.query(statement(sql, parameters));
    }
  };
  return {
    // Kysely calls it with (sql, parameters) only: gavel streams no cursors.
    query: query as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

/**
 * Statements marked PREPARED (whose text never changes: the hot path's few) are sent as
 * named prepared statements, so PostgreSQL parses and plans each once per connection instead
 * of on every call. Named by a hash of the text, so two texts never share a name.
 */
export const PREPARED = '/* prepared */ ';
/** At most this many distinct names: a bound on what each connection keeps in PostgreSQL. */
const MAX_PREPARED = 32;
const names = new Map<string, string | undefined>();

function statement(
  sql: string,
  parameters: readonly unknown[],
): { text: string; values: unknown[]; name?: string } {
  const values = [...parameters];
  if (!sql.startsWith(PREPARED)) return { text: sql, values };
  let name = names.get(sql);
  if (name === undefined && !names.has(sql) && names.size < MAX_PREPARED) {
    name = `gavel_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name === undefined ? { text: sql, values } : { text: sql, values, name };
}

/** 0A000 "cached plan must not change result type". */
function planInvalidated(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '0A000';
}

/** The backend went away (admin shutdown, crash, restart) or the socket closed under the client. */
function connectionGone(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '57P01' || code === '57P02' || code === '57P03') return true;
  return (
    typeof message === 'string' && /^Connection terminated|connection is closed|ECONNRESET/i.test(message)
  );
}
