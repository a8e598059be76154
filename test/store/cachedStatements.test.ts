import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type CacheableDatabase, cachedStatements } from '../../src/store/cachedStatements.js';

/** A real in-memory database that counts how often SQL is actually prepared. */
function countingDatabase() {
  const db = new SQLite(':memory:');
  db.exec('create table t (id integer primary key, v text)');
  const prepared: string[] = [];
  const counting: CacheableDatabase = {
    prepare: (sql) => {
      prepared.push(sql);
      return db.prepare(sql);
    },
    close: () => db.close(),
  };
  return { db, prepared, counting };
}

describe('the prepared-statement cache', () => {
  it('prepares each SQL text once and returns the statement for that text', () => {
    const { prepared, counting } = countingDatabase();
    const cache = cachedStatements(counting);
    cache.prepare('insert into t (v) values (?)').run(['a']);
    cache.prepare('insert into t (v) values (?)').run(['b']);
    expect(cache.prepare('select v from t order by id').all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(cache.prepare('select count(*) as n from t').all([])).toEqual([{ n: 2 }]);
    expect(cache.prepare('select v from t order by id').all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(prepared).toEqual([
      'insert into t (v) values (?)',
      'select v from t order by id',
      'select count(*) as n from t',
    ]);
  });

  it('keeps at most its capacity, evicting the least recently used', () => {
    const { prepared, counting } = countingDatabase();
    const cache = cachedStatements(counting, 2);
    const q = (n: number) => `select ${n} as n`;
    cache.prepare(q(1));
    cache.prepare(q(2));
    cache.prepare(q(1)); // 1 is now the most recent
    cache.prepare(q(3)); // evicts 2
    expect(cache.size).toBe(2);
    cache.prepare(q(1));
    cache.prepare(q(3));
    expect(prepared).toEqual([q(1), q(2), q(3)]);
    expect(cache.prepare(q(2)).all([])).toEqual([{ n: 2 }]);
    expect(prepared).toEqual([q(1), q(2), q(3), q(2)]);
    for (let n = 0; n < 50; n++) cache.prepare(q(n));
    expect(cache.size).toBe(2);
  });

  it('hands out a fresh statement while the cached one is still iterating', () => {
    const { db, counting } = countingDatabase();
    db.exec("insert into t (v) values ('a'), ('b')");
    const cache = cachedStatements(counting);
    const sql = 'select v from t order by id';
    const open = cache.prepare(sql).iterate([]);
    expect(open.next().value).toEqual({ v: 'a' });
    expect(cache.prepare(sql).all([])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(open.next().value).toEqual({ v: 'b' });
    open.return?.();
  });

  it('closes the database and forgets its statements', () => {
    const { db, counting } = countingDatabase();
    const cache = cachedStatements(counting);
    cache.prepare('select 1');
    cache.close();
    expect(cache.size).toBe(0);
    expect(db.open).toBe(false);
  });
});
