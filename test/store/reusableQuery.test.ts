import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reusableQuery } from '../../src/store/reusableQuery.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

describe.each(ENGINES)('a query compiled once, on %s', (engine) => {
  let tdb: TestDatabase;
  beforeEach(async () => {
    tdb = await freshDatabase(engine);
    const at = '2026-11-23T00:00:00.000Z';
    await tdb.opened.db
      .insertInto('jobs')
      .values(
        ['a:1', 'a:2', 'b:1'].map((key, i) => ({
          key,
          kind: key.slice(0, 1),
          payload: '{}',
          status: i === 1 ? 'done' : 'pending',
          run_at: at,
          attempts: 0,
          max_attempts: 1,
          created_at: at,
          updated_at: at,
        })) as never,
      )
      .execute();
  });
  afterEach(() => tdb.dispose());

  it('answers each call with its own values in the slots, constants kept', async () => {
    const { db } = tdb.opened;
    const pendingOfKind = reusableQuery(db, (slot: (name: 'kind' | 'after') => string) =>
      db
        .selectFrom('jobs')
        .select('key')
        .where('kind', '=', slot('kind'))
        .where('status', '=', 'pending')
        .where('key', '>', slot('after'))
        .orderBy('key')
        .limit(5),
    );
    expect(await pendingOfKind({ kind: 'a', after: '' })).toEqual([{ key: 'a:1' }]);
    expect(await pendingOfKind({ kind: 'b', after: '' })).toEqual([{ key: 'b:1' }]);
    expect(await pendingOfKind({ kind: 'a', after: 'a:1' })).toEqual([]);
  });

  it('refuses a slot that does not end up among the parameters', () => {
    const { db } = tdb.opened;
    expect(() =>
      reusableQuery(db, (slot: (name: 'kind') => string) => {
        slot('kind'); // made but never used in the query
        return db.selectFrom('jobs').select('key');
      }),
    ).toThrow(/every slot/);
  });
});
