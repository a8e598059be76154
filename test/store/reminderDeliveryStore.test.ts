import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/core/ports/jobQueue.js';
import type { ReminderDeliveries } from '../../src/core/ports/reminderDeliveries.js';
import type { ReminderProgress } from '../../src/core/reminder/reminderDelivery.js';
import { jobQueueStore } from '../../src/store/jobQueueStore.js';
import { reminderDeliveryStore } from '../../src/store/reminderDeliveryStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';

const t0 = new Date('2026-11-26T16:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
/** A reminder job key as the planner makes it: `reminder:<group>:<starts_at>:<lead>`. */
const key = (group: string, startsAt = '2026-11-26T17:00:00.000Z', lead = '60') =>
  `reminder:${group}:${startsAt}:${lead}`;
const scheduled = (postAt: Date, scheduledMessageId: string, channelId?: string) =>
  ({
    state: 'scheduled',
    postAt,
    scheduledMessageId,
    ...(channelId === undefined ? {} : { channelId }),
  }) as const;

describe.each(ENGINES)('the reminder delivery store on %s', (engine) => {
  let database: TestDatabase;
  let deliveries: ReminderDeliveries;
  let jobs: JobQueue;
  // Fresh per test: prune looks at every delivery, not one group's.
  beforeEach(async () => {
    database = await freshDatabase(engine);
    deliveries = reminderDeliveryStore(database.opened.db);
    jobs = jobQueueStore(database.opened.db, database.opened.dialect);
  });
  afterEach(() => database.dispose());

  it('knows nothing of a reminder never recorded', async () => {
    expect(await deliveries.progress(key('g1'))).toEqual({ state: 'none' });
  });

  it.each<[string, Exclude<ReminderProgress, { state: 'none' }>]>([
    [
      'scheduling',
      { state: 'scheduling', postAt: at(60), channelId: 'C0GROUP01', text: 'Meeting in 1 hour' },
    ],
    ['scheduled with its channel', scheduled(at(60), 'Q0SCHEDULED1', 'C0GROUP01')],
    ['scheduled without a channel', scheduled(at(60), 'Q0SCHEDULED1')],
    ['posting', { state: 'posting' }],
    ['posted', { state: 'posted', ts: '1764172800.000100' }],
  ])('reads back what it recorded: %s', async (_name, progress) => {
    await deliveries.record(key('g1'), progress, t0);
    // Strict: a scheduled record without a channel has no channelId property at all.
    expect(await deliveries.progress(key('g1'))).toStrictEqual(progress);
  });

  it('keeps text exactly as sent', async () => {
    const text = '  Réunion dans 1 h 🗓️ — 会议\n<!here> <@U0LEAD001> `code` 100% _a_ \n';
    await deliveries.record(key('g1'), { state: 'scheduling', postAt: at(60), channelId: 'C0G', text }, t0);
    expect(await deliveries.progress(key('g1'))).toMatchObject({ text });
  });

  it('replaces the earlier progress with the later, leaving nothing of it behind', async () => {
    const k = key('g1');
    await deliveries.record(k, { state: 'scheduling', postAt: at(60), channelId: 'C0G', text: 'hi' }, t0);
    await deliveries.record(k, scheduled(at(60), 'Q1'), at(1));
    // The channel of the attempt is not carried over into a record that does not give it.
    expect(await deliveries.progress(k)).toStrictEqual(scheduled(at(60), 'Q1'));
    await deliveries.record(k, { state: 'posting' }, at(2));
    expect(await deliveries.progress(k)).toStrictEqual({ state: 'posting' });
    expect(await deliveries.scheduledAfter('reminder:g1:', t0)).toEqual([]);
    await deliveries.record(k, { state: 'posted', ts: '1.2' }, at(3));
    expect(await deliveries.progress(k)).toStrictEqual({ state: 'posted', ts: '1.2' });
    // Other keys are their own.
    expect(await deliveries.progress(key('g1', undefined, '10'))).toEqual({ state: 'none' });
  });

  it('forgets a reminder (and forgetting one never recorded is harmless)', async () => {
    await deliveries.record(key('g1'), scheduled(at(60), 'Q1'), t0);
    await deliveries.record(key('g2'), scheduled(at(60), 'Q2'), t0);
    await deliveries.forget(key('g1'));
    await deliveries.forget(key('nobody'));
    expect(await deliveries.progress(key('g1'))).toEqual({ state: 'none' });
    expect(await deliveries.progress(key('g2'))).toStrictEqual(scheduled(at(60), 'Q2'));
  });

  describe('scheduledAfter', () => {
    const sortedKeys = async (prefix: string, after: Date) =>
      (await deliveries.scheduledAfter(prefix, after)).map((r) => r.key).sort();

    it('lists the reminders Slack holds under the prefix to post after the instant', async () => {
      const dec03 = '2026-12-03T17:00:00.000Z';
      await deliveries.record(key('g1', undefined, '60'), scheduled(at(0), 'Q60', 'C0G'), t0);
      await deliveries.record(key('g1', undefined, '10'), scheduled(at(50), 'Q10'), t0);
      await deliveries.record(key('g1', dec03), scheduled(at(7 * 24 * 60), 'QDEC'), t0);
      const found = await deliveries.scheduledAfter('reminder:g1:', at(-1));
      expect(found.sort((a, b) => a.key.localeCompare(b.key))).toStrictEqual([
        { key: key('g1', undefined, '10'), postAt: at(50), scheduledMessageId: 'Q10' },
        { key: key('g1', undefined, '60'), postAt: at(0), scheduledMessageId: 'Q60', channelId: 'C0G' },
        { key: key('g1', dec03), postAt: at(7 * 24 * 60), scheduledMessageId: 'QDEC' },
      ]);
      // One meeting's prefix.
      expect(await sortedKeys('reminder:g1:2026-11-26T17:00:00.000Z:', at(-1))).toEqual([
        key('g1', undefined, '10'),
        key('g1', undefined, '60'),
      ]);
    });

    it('leaves out reminders due at or before the instant', async () => {
      await deliveries.record(key('g1', undefined, '60'), scheduled(at(0), 'Q60'), t0);
      await deliveries.record(key('g1', undefined, '30'), scheduled(at(30), 'Q30'), t0);
      await deliveries.record(key('g1', undefined, '10'), scheduled(at(50), 'Q10'), t0);
      expect(await sortedKeys('reminder:g1:', at(0))).toEqual([
        key('g1', undefined, '10'),
        key('g1', undefined, '30'),
      ]);
      expect(await sortedKeys('reminder:g1:', at(30))).toEqual([key('g1', undefined, '10')]);
      expect(await sortedKeys('reminder:g1:', at(50))).toEqual([]);
    });

    it('leaves out reminders in any other state', async () => {
      await deliveries.record(
        key('g1', undefined, 'a'),
        { state: 'scheduling', postAt: at(60), channelId: 'C', text: 't' },
        t0,
      );
      await deliveries.record(key('g1', undefined, 'b'), { state: 'posting' }, t0);
      await deliveries.record(key('g1', undefined, 'c'), { state: 'posted', ts: '1.1' }, t0);
      await deliveries.record(key('g1', undefined, 'd'), scheduled(at(60), 'QD'), t0);
      expect(await sortedKeys('reminder:g1:', t0)).toEqual([key('g1', undefined, 'd')]);
    });

    it('takes the prefix literally: no other group whose id merely starts alike, no wildcards, case kept', async () => {
      for (const group of ['g1', 'g10', 'G1', 'gx1', 'g_1', 'g%1', 'ag1']) {
        await deliveries.record(key(group), scheduled(at(60), `Q-${group}`), t0);
      }
      expect(await sortedKeys('reminder:g1:', t0)).toEqual([key('g1')]);
      expect(await sortedKeys('reminder:g10:', t0)).toEqual([key('g10')]);
      expect(await sortedKeys('reminder:G1:', t0)).toEqual([key('G1')]);
      expect(await sortedKeys('reminder:g_1:', t0)).toEqual([key('g_1')]);
      expect(await sortedKeys('reminder:g%1:', t0)).toEqual([key('g%1')]);
      expect(await sortedKeys('reminder:g2:', t0)).toEqual([]);
    });
  });

  describe('prune', () => {
    const old = at(-120);
    const cutoff = at(-60);

    it('deletes deliveries last written before the cutoff whose job is finished or gone', async () => {
      await jobs.enqueue(
        ['done', 'failed', 'cancelled'].map((k) => ({ key: k, kind: 'reminder', payload: {}, runAt: old })),
        old,
      );
      const claimed = await jobs.claimDue('w1', old, 10, 60_000);
      const byKey = new Map(claimed.map((j) => [j.key, j]));
      await jobs.complete(byKey.get('done')!.id, 'w1', old);
      await jobs.fail(byKey.get('failed')!.id, 'w1', 'boom', old, { retryable: false });
      await jobs.complete(byKey.get('cancelled')!.id, 'w1', old);
      expect(await jobs.reopenDone('cancelled', old)).toBe(true);
      expect((await jobs.byKey('failed'))?.status).toBe('failed');
      expect((await jobs.byKey('cancelled'))?.status).toBe('cancelled');
      for (const k of ['done', 'failed', 'cancelled', 'no-job']) {
        await deliveries.record(k, { state: 'posted', ts: '1.1' }, old);
      }
      expect(await deliveries.prune(cutoff, 100)).toBe(4);
      for (const k of ['done', 'failed', 'cancelled', 'no-job']) {
        expect(await deliveries.progress(k)).toEqual({ state: 'none' });
      }
    });

    it('keeps deliveries whose job is pending or running, however old', async () => {
      await jobs.enqueue(
        [
          { key: 'running', kind: 'reminder', payload: {}, runAt: old },
          { key: 'pending', kind: 'reminder', payload: {}, runAt: at(60) },
        ],
        old,
      );
      expect((await jobs.claimDue('w1', old, 10, 60_000)).map((j) => j.key)).toEqual(['running']);
      await deliveries.record('running', { state: 'posting' }, old);
      await deliveries.record('pending', scheduled(at(60), 'Q1'), old);
      expect(await deliveries.prune(cutoff, 100)).toBe(0);
      expect(await deliveries.progress('running')).toEqual({ state: 'posting' });
      expect(await deliveries.progress('pending')).toStrictEqual(scheduled(at(60), 'Q1'));
    });

    it('keeps deliveries written at or after the cutoff', async () => {
      await deliveries.record('at-cutoff', { state: 'posted', ts: '1.1' }, cutoff);
      await deliveries.record('recent', { state: 'posted', ts: '1.2' }, t0);
      await deliveries.record('just-before', { state: 'posted', ts: '1.3' }, new Date(cutoff.getTime() - 1));
      expect(await deliveries.prune(cutoff, 100)).toBe(1);
      expect(await deliveries.progress('just-before')).toEqual({ state: 'none' });
      expect(await deliveries.progress('at-cutoff')).toEqual({ state: 'posted', ts: '1.1' });
      expect(await deliveries.progress('recent')).toEqual({ state: 'posted', ts: '1.2' });
    });

    it('judges a delivery by when it was last written, not first', async () => {
      await deliveries.record('k', { state: 'posting' }, old);
      await deliveries.record('k', { state: 'posted', ts: '1.1' }, t0);
      expect(await deliveries.prune(cutoff, 100)).toBe(0);
      expect(await deliveries.progress('k')).toEqual({ state: 'posted', ts: '1.1' });
    });

    it('deletes at most `limit` per call and says how many', async () => {
      for (let i = 0; i < 5; i++) await deliveries.record(`k${i}`, { state: 'posted', ts: `${i}` }, old);
      expect(await deliveries.prune(cutoff, 2)).toBe(2);
      expect(await deliveries.prune(cutoff, 2)).toBe(2);
      expect(await deliveries.prune(cutoff, 2)).toBe(1);
      expect(await deliveries.prune(cutoff, 2)).toBe(0);
    });
  });
});
