import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The part of a better-sqlite3 statement the cache needs besides what Kysely uses. */
export interface CacheableStatement extends SqliteStatement {
  /** True while an `iterate()` over it is still open: it cannot run again until that ends. */
  readonly busy: boolean;
}

export interface CacheableDatabase {
  prepare(sql: string): CacheableStatement;
  close(): void;
}

export interface CachedStatements extends SqliteDatabase {
  /** How many prepared statements are held (for tests). */
  readonly size: number;
}

/** Enough for every distinct statement the app issues; ad-hoc SQL beyond it is evicted. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query, and better-sqlite3 then parses
 * and plans the SQL again each time, the single largest cost of a small query. The app's SQL
 * text repeats (values are bound parameters), so this keeps the most recently used prepared
 * statements, keyed by their exact text, in a bounded LRU. A statement still held by an open
 * iteration is never handed out twice: such a call gets a fresh, uncached one.
 */
export function cachedStatements(
  database: CacheableDatabase,
  capacity = DEFAULT_STATEMENT_CACHE_SIZE,
): CachedStatements {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`bad statement cache size: ${capacity}`);
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const cache = new Map<string, CacheableStatement>();
  return {
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return database.prepare(sql);
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
    get size() {
      return cache.size;
    },
  };
}
