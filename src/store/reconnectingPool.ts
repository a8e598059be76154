import type { PostgresPool, PostgresPoolClient } from 'kysely';
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
      return await client.query(sql, [...parameters]);
    } catch (error) {
      if (!retry || !connectionGone(error)) throw error;
      // Destroyed, not returned: the pool must not hand out the dead connection again.
      client.release(error instanceof Error ? error : true);
      client = await pool.connect();
      return client.query(sql, [...parameters]);
    }
  };
  return {
    // Kysely calls it with (sql, parameters) only: gavel streams no cursors.
    query: query as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
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
