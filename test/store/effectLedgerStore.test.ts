import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectLedger } from '../../src/core/ports/effectLedger.js';
import { effectLedgerStore } from '../../src/store/effectLedgerStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-26T17:05:00.000Z');
const LATER = new Date('2026-11-26T17:06:00.000Z');
const MUCH_LATER = new Date('2026-11-26T18:00:00.000Z');

describe.each(ENGINES)('the effect ledger on %s', (engine) => {
  let database: TestDatabase;
  let effects: EffectLedger;
  let keySeq = 0;
  /** Each test gets keys of its own, so tests never see each other's effects. */
  const freshKey = () => `post:g1:2026-11-26T17:00:00.000Z:${++keySeq}`;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    effects = effectLedgerStore(database.opened.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('knows nothing of an effect never begun', async () => {
    expect(await effects.state(freshKey())).toBeUndefined();
  });

  it('records an effect as started when it is begun, with when', async () => {
    const key = freshKey();
    await effects.begin(key, NOW);
    expect(await effects.state(key)).toEqual({ state: 'started', startedAt: NOW.toISOString() });
  });

  it('records an effect as done with what the remote side answered, or with nothing', async () => {
    const posted = freshKey();
    await effects.begin(posted, NOW);
    await effects.finish(posted, '1764176700.000100', LATER);
    expect(await effects.state(posted)).toEqual({ state: 'done', result: '1764176700.000100' });

    const silent = freshKey();
    await effects.begin(silent, NOW);
    await effects.finish(silent, null, LATER);
    expect(await effects.state(silent)).toEqual({ state: 'done', result: null });
  });

  it('marks an effect started again, from the new attempt, when it is begun again', async () => {
    const key = freshKey();
    await effects.begin(key, NOW);
    await effects.begin(key, MUCH_LATER);
    expect(await effects.state(key)).toEqual({ state: 'started', startedAt: MUCH_LATER.toISOString() });

    await effects.finish(key, 'ts-1', MUCH_LATER);
    await effects.begin(key, MUCH_LATER);
    expect(await effects.state(key)).toEqual({ state: 'started', startedAt: MUCH_LATER.toISOString() });
  });

  it('records an effect as done even when its beginning was never recorded', async () => {
    const key = freshKey();
    await effects.finish(key, 'ts-2', NOW);
    expect(await effects.state(key)).toEqual({ state: 'done', result: 'ts-2' });
  });

  it('forgets a refused effect, so the next attempt starts afresh', async () => {
    const key = freshKey();
    await effects.begin(key, NOW);
    await effects.forget(key);
    expect(await effects.state(key)).toBeUndefined();
    await effects.begin(key, LATER);
    expect(await effects.state(key)).toEqual({ state: 'started', startedAt: LATER.toISOString() });
  });

  it('forgetting an effect it never knew changes nothing', async () => {
    const kept = freshKey();
    await effects.finish(kept, 'ts-3', NOW);
    await effects.forget(freshKey());
    expect(await effects.state(kept)).toEqual({ state: 'done', result: 'ts-3' });
  });

  it('keeps each key’s effect apart, whatever the key holds', async () => {
    const a = `${freshKey()}:%_`;
    const b = `${freshKey()}:🚀`;
    await effects.begin(a, NOW);
    await effects.finish(b, 'ts-b', LATER);
    await effects.forget(`${a.slice(0, -2)}%`);
    expect(await effects.state(a)).toEqual({ state: 'started', startedAt: NOW.toISOString() });
    expect(await effects.state(b)).toEqual({ state: 'done', result: 'ts-b' });
  });

  it('reads a state it did not write as started: the effect may have happened', async () => {
    const key = freshKey();
    await effects.begin(key, NOW);
    await database.opened.db
      .updateTable('effects')
      .set({ state: 'posting' as 'started' })
      .where('key', '=', key)
      .execute();
    expect(await effects.state(key)).toEqual({ state: 'started', startedAt: NOW.toISOString() });
  });
});
