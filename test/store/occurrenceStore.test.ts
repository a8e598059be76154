import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupId } from '../../src/core/ids.js';
import type { OccurrenceId } from '../../src/core/model/occurrence.js';
import type { OccurrenceRepository } from '../../src/core/ports/occurrenceRepository.js';
import type { PlannedOccurrence } from '../../src/core/schedule/occurrences.js';
import { occurrenceStore } from '../../src/store/occurrenceStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';
import { day, gid } from '../support/ids.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const LATER = new Date('2026-11-24T08:00:00.000Z');
const LATEST = new Date('2026-11-25T08:00:00.000Z');
/** The sync window most tests use: all of November 26 to December 17, 2026 (UTC). */
const FROM = new Date('2026-11-26T00:00:00.000Z');
const TO = new Date('2026-12-18T00:00:00.000Z');

const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const DEC10 = '2026-12-10T17:00:00.000Z';
const DEC17 = '2026-12-17T17:00:00.000Z';
const HOUR_MS = 3_600_000;

/** A weekly meeting as groups.yml would plan it: an hour long, on its UTC date, no links. */
function planned(startsAt: string, overrides: Partial<PlannedOccurrence> = {}): PlannedOccurrence {
  const start = new Date(startsAt);
  return {
    startsAt: start,
    endsAt: new Date(start.getTime() + HOUR_MS),
    localDate: day(startsAt.slice(0, 10)),
    title: 'Weekly call',
    source: 'rule',
    ruleId: 'weekly',
    cancelled: false,
    ...overrides,
  };
}

describe.each(ENGINES)('the occurrence store on %s', (engine) => {
  let database: TestDatabase;
  let occurrences: OccurrenceRepository;
  let groupSeq = 0;
  /** Each test gets a group of its own, so tests never see each other's meetings. */
  const freshGroup = () => gid(`g${++groupSeq}`);
  const sync = (groupId: GroupId, plan: readonly PlannedOccurrence[], now = NOW) =>
    occurrences.sync(groupId, plan, FROM, TO, now);
  const addOneOff = (groupId: GroupId, startsAt: string, title = 'Extra session', now = NOW) =>
    occurrences.add(
      {
        groupId,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + HOUR_MS),
        localDate: day(startsAt.slice(0, 10)),
        title,
        joinUrl: undefined,
        dialIn: undefined,
      },
      now,
    );
  const statusOf = async (groupId: GroupId, startsAt: string) => {
    const o = await occurrences.find(groupId, startsAt);
    return o && { status: o.status, cancelledBy: o.cancelledBy };
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    occurrences = occurrenceStore(database.opened.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  describe('sync', () => {
    it('adds the planned meetings with everything the plan says, and returns them sorted', async () => {
      const g = freshGroup();
      const result = await sync(g, [
        planned(DEC03),
        planned(NOV26, {
          title: 'Kick-off',
          source: 'extra',
          ruleId: null,
          joinUrl: 'https://meet.example/abc',
          dialIn: '+1 555 0100',
        }),
      ]);
      expect(result.map((o) => o.startsAt)).toEqual([NOV26, DEC03]);
      expect(Number.isInteger(result[0]?.id)).toBe(true);
      expect(result[0]).toEqual({
        id: result[0]?.id,
        groupId: g,
        startsAt: NOV26,
        endsAt: '2026-11-26T18:00:00.000Z',
        localDate: '2026-11-26',
        title: 'Kick-off',
        source: 'extra',
        ruleId: null,
        status: 'scheduled',
        cancelledBy: null,
        joinUrl: 'https://meet.example/abc',
        dialIn: '+1 555 0100',
        minutes: null,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      expect(result[1]).toMatchObject({ source: 'rule', ruleId: 'weekly', joinUrl: null, dialIn: null });
      expect(await occurrences.find(g, DEC03)).toEqual(result[1]);
    });

    it('leaves a meeting whose plan did not change untouched', async () => {
      const g = freshGroup();
      const plan = [planned(NOV26), planned(DEC03, { joinUrl: 'https://meet.example/x', dialIn: '123' })];
      const first = await sync(g, plan, NOW);
      const second = await sync(g, plan, LATER);
      expect(second).toEqual(first);
      expect(second.every((o) => o.updatedAt === NOW.toISOString())).toBe(true);
    });

    it('updates the title, the links and the end of a meeting the plan changed, and only that one', async () => {
      const g = freshGroup();
      const [before] = await sync(g, [
        planned(NOV26, { joinUrl: 'https://meet.example/old', dialIn: 'old' }),
        planned(DEC03),
      ]);
      const after = await sync(
        g,
        [
          planned(NOV26, {
            title: 'Renamed call',
            endsAt: new Date('2026-11-26T18:30:00.000Z'),
            joinUrl: 'https://meet.example/new',
            dialIn: 'new',
          }),
          planned(DEC03),
        ],
        LATER,
      );
      expect(after[0]).toEqual({
        ...before,
        title: 'Renamed call',
        endsAt: '2026-11-26T18:30:00.000Z',
        joinUrl: 'https://meet.example/new',
        dialIn: 'new',
        updatedAt: LATER.toISOString(),
      });
      expect(after[1]?.updatedAt).toBe(NOW.toISOString());
    });

    it('clears links the plan no longer gives', async () => {
      const g = freshGroup();
      await sync(g, [planned(NOV26, { joinUrl: 'https://meet.example/x', dialIn: '123' })]);
      const [after] = await sync(g, [planned(NOV26)], LATER);
      expect(after).toMatchObject({ joinUrl: null, dialIn: null, updatedAt: LATER.toISOString() });
    });

    it('adds a meeting the file cancels as cancelled by the file', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26, { cancelled: true })]);
      expect(o).toMatchObject({ status: 'cancelled', cancelledBy: 'config' });
    });

    it('applies a cancellation the file makes later, and undoes it when the file stops saying so', async () => {
      const g = freshGroup();
      await sync(g, [planned(NOV26), planned(DEC03)], NOW);
      const cancelled = await sync(g, [planned(NOV26, { cancelled: true }), planned(DEC03)], LATER);
      expect(cancelled[0]).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'config',
        updatedAt: LATER.toISOString(),
      });
      expect(cancelled[1]).toMatchObject({ status: 'scheduled', updatedAt: NOW.toISOString() });
      const restored = await sync(g, [planned(NOV26), planned(DEC03)], LATEST);
      expect(restored[0]).toMatchObject({
        status: 'scheduled',
        cancelledBy: null,
        updatedAt: LATEST.toISOString(),
      });
    });

    it('keeps a cancellation made in Slack, whatever the file says about the meeting', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26)]);
      await occurrences.setCancelled(o!.id, 'U0LEAD001', NOW);
      // The file goes on planning it as usual.
      await sync(g, [planned(NOV26)], LATER);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'U0LEAD001' });
      // The file cancels it too, then stops cancelling it: the lead's cancellation stands.
      await sync(g, [planned(NOV26, { cancelled: true })], LATER);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'U0LEAD001' });
      await sync(g, [planned(NOV26)], LATEST);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'U0LEAD001' });
      // The file drops the meeting, then brings it back: still the lead's.
      await sync(g, [], LATEST);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'U0LEAD001' });
      await sync(g, [planned(NOV26)], LATEST);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'U0LEAD001' });
    });

    it('cancels planned meetings the file no longer produces, and brings them back when it does again', async () => {
      const g = freshGroup();
      await sync(g, [planned(NOV26), planned(DEC03), planned(DEC10, { source: 'extra', ruleId: null })], NOW);
      const dropped = await sync(g, [planned(NOV26)], LATER);
      // Cancelled, not deleted: agenda items attached to them are never lost.
      expect(dropped.map((o) => [o.startsAt, o.status, o.cancelledBy])).toEqual([
        [NOV26, 'scheduled', null],
        [DEC03, 'cancelled', 'config'],
        [DEC10, 'cancelled', 'config'],
      ]);
      expect(dropped[1]?.updatedAt).toBe(LATER.toISOString());
      expect(dropped[0]?.updatedAt).toBe(NOW.toISOString());
      const back = await sync(g, [planned(NOV26), planned(DEC03)], LATEST);
      expect(back.map((o) => [o.startsAt, o.status, o.cancelledBy])).toEqual([
        [NOV26, 'scheduled', null],
        [DEC03, 'scheduled', null],
        [DEC10, 'cancelled', 'config'],
      ]);
      expect(back[1]?.id).toBe(dropped[1]?.id);
    });

    it('never cancels a one-off meeting added in Slack, which the file never produces', async () => {
      const g = freshGroup();
      await addOneOff(g, DEC10);
      const result = await sync(g, [planned(NOV26)], LATER);
      expect(result.map((o) => [o.startsAt, o.source, o.status])).toEqual([
        [NOV26, 'rule', 'scheduled'],
        [DEC10, 'added', 'scheduled'],
      ]);
      expect(result[1]?.updatedAt).toBe(NOW.toISOString());
    });

    it('touches nothing outside the window or of another group', async () => {
      const g = freshGroup();
      const other = freshGroup();
      const outside = '2026-12-24T17:00:00.000Z';
      await occurrences.sync(
        g,
        [planned(outside)],
        new Date('2026-12-18T00:00:00.000Z'),
        new Date('2027-01-01'),
        NOW,
      );
      await sync(other, [planned(NOV26)]);
      // The window ends before the 24th, and the plan is the group's own.
      const result = await sync(g, [planned(DEC03)], LATER);
      expect(result.map((o) => o.startsAt)).toEqual([DEC03]);
      expect(await statusOf(g, outside)).toEqual({ status: 'scheduled', cancelledBy: null });
      expect(await statusOf(other, NOV26)).toEqual({ status: 'scheduled', cancelledBy: null });
      expect(await occurrences.find(g, NOV26)).toBeUndefined();
    });

    it('adds a long plan in full (more meetings than one insert statement carries)', async () => {
      const g = freshGroup();
      const start = new Date('2026-11-26T00:00:00.000Z').getTime();
      // Every three hours for the whole window: 176 meetings.
      const plan = Array.from({ length: 176 }, (_, i) =>
        planned(new Date(start + i * 3 * HOUR_MS).toISOString()),
      );
      const result = await sync(g, plan);
      expect(result.map((o) => o.startsAt)).toEqual(plan.map((p) => p.startsAt.toISOString()));
      expect(new Set(result.map((o) => o.id)).size).toBe(176);
    });
  });

  describe('reading', () => {
    it('finds a meeting by its start instant, and nothing at another', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26)]);
      expect(await occurrences.find(g, NOV26)).toEqual(o);
      expect(await occurrences.find(g, DEC03)).toBeUndefined();
      expect(await occurrences.find(freshGroup(), NOV26)).toBeUndefined();
    });

    it('gives the next scheduled meeting strictly after an instant, skipping cancelled ones', async () => {
      const g = freshGroup();
      const [nov26] = await sync(g, [planned(NOV26), planned(DEC03, { cancelled: true }), planned(DEC10)]);
      expect((await occurrences.next(g, new Date('2026-11-20T00:00:00.000Z')))?.id).toBe(nov26?.id);
      // A meeting starting at the very instant is not "after" it.
      expect((await occurrences.next(g, new Date(NOV26)))?.startsAt).toBe(DEC10);
      expect(await occurrences.next(g, new Date(DEC10))).toBeUndefined();
      expect(await occurrences.next(freshGroup(), new Date('2026-11-20T00:00:00.000Z'))).toBeUndefined();
    });

    it('gives what started in the last day and the next scheduled meeting, also to lookups asked together', async () => {
      const g = freshGroup();
      await sync(g, [planned(NOV26), planned(DEC03, { cancelled: true }), planned(DEC10), planned(DEC17)]);
      const at = (iso: string) => new Date(iso);
      const view = (r: Awaited<ReturnType<OccurrenceRepository['startedOrNext']>>) => ({
        started: r.started.map((o) => o.startsAt),
        next: r.next?.startsAt,
      });
      // Asked in the same turn: one statement answers all four, each for its own instant.
      const [before, during, startsNow, afterCancelled] = await Promise.all([
        occurrences.startedOrNext(g, at('2026-11-20T00:00:00.000Z')),
        occurrences.startedOrNext(g, at('2026-11-26T17:30:00.000Z')),
        occurrences.startedOrNext(g, at(DEC10)),
        occurrences.startedOrNext(g, at('2026-12-03T18:00:00.000Z')),
      ]);
      expect(view(before)).toEqual({ started: [], next: NOV26 });
      expect(view(during)).toEqual({ started: [NOV26], next: DEC10 });
      // A meeting starting at the very instant has started; the next is the one after it.
      expect(view(startsNow)).toEqual({ started: [DEC10], next: DEC17 });
      // Cancelled meetings count as started (the caller decides), never as next.
      expect(view(afterCancelled)).toEqual({ started: [DEC03], next: DEC10 });
      expect(view(await occurrences.startedOrNext(freshGroup(), at(NOV26)))).toEqual({
        started: [],
        next: undefined,
      });
    });

    it('lists the meetings on a local date, cancelled ones included, sorted', async () => {
      const g = freshGroup();
      const late = '2026-11-27T02:00:00.000Z';
      await sync(g, [
        // 02:00 UTC on the 27th is still the 26th in the group's zone.
        planned(late, { localDate: day('2026-11-26') }),
        planned(NOV26, { cancelled: true }),
        planned('2026-11-26T09:00:00.000Z'),
        planned(DEC03),
      ]);
      const onDay = await occurrences.onDate(g, day('2026-11-26'));
      expect(onDay.map((o) => [o.startsAt, o.status])).toEqual([
        ['2026-11-26T09:00:00.000Z', 'scheduled'],
        [NOV26, 'cancelled'],
        [late, 'scheduled'],
      ]);
      expect(await occurrences.onDate(g, day('2026-11-27'))).toEqual([]);
    });

    it('lists the meetings starting in [from, to), sorted', async () => {
      const g = freshGroup();
      await sync(g, [planned(DEC17), planned(DEC03), planned(NOV26), planned(DEC10)]);
      const between = await occurrences.between(g, new Date(DEC03), new Date(DEC17));
      expect(between.map((o) => o.startsAt)).toEqual([DEC03, DEC10]);
      const justAfter = new Date(new Date(DEC03).getTime() + 1);
      expect((await occurrences.between(g, justAfter, TO)).map((o) => o.startsAt)).toEqual([DEC10, DEC17]);
      expect(await occurrences.between(g, new Date(DEC03), new Date(DEC03))).toEqual([]);
    });
  });

  describe('changes made in Slack', () => {
    it('adds a one-off meeting, but not a second one at the same instant', async () => {
      const g = freshGroup();
      const added = await addOneOff(g, DEC10, 'Design review');
      expect(Number.isInteger(added?.id)).toBe(true);
      expect(added).toEqual({
        id: added?.id,
        groupId: g,
        startsAt: DEC10,
        endsAt: '2026-12-10T18:00:00.000Z',
        localDate: '2026-12-10',
        title: 'Design review',
        source: 'added',
        ruleId: null,
        status: 'scheduled',
        cancelledBy: null,
        joinUrl: null,
        dialIn: null,
        minutes: null,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      expect(await addOneOff(g, DEC10, 'Again', LATER)).toBeUndefined();
      expect(await occurrences.find(g, DEC10)).toEqual(added);
      // The same instant in another group is another meeting.
      expect(await addOneOff(freshGroup(), DEC10)).toMatchObject({ source: 'added' });
    });

    it('keeps the links of a one-off meeting', async () => {
      const g = freshGroup();
      const added = await occurrences.add(
        {
          groupId: g,
          startsAt: new Date(DEC10),
          endsAt: new Date('2026-12-10T17:45:00.000Z'),
          localDate: day('2026-12-10'),
          title: 'Triage',
          joinUrl: 'https://meet.example/triage',
          dialIn: '+1 555 0199',
        },
        NOW,
      );
      expect(added).toMatchObject({ joinUrl: 'https://meet.example/triage', dialIn: '+1 555 0199' });
      expect(added?.endsAt).toBe('2026-12-10T17:45:00.000Z');
    });

    it('will not add a one-off meeting where the file already plans one', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26)]);
      expect(await addOneOff(g, NOV26)).toBeUndefined();
      expect(await occurrences.find(g, NOV26)).toEqual(o);
    });

    it('cancels a meeting for a user, and a null canceller restores it', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26)]);
      const cancelled = await occurrences.setCancelled(o!.id, 'U0LEAD001', LATER);
      expect(cancelled).toEqual({
        ...o,
        status: 'cancelled',
        cancelledBy: 'U0LEAD001',
        updatedAt: LATER.toISOString(),
      });
      expect(await occurrences.find(g, NOV26)).toEqual(cancelled);
      expect(await occurrences.next(g, FROM)).toBeUndefined();
      const restored = await occurrences.setCancelled(o!.id, null, LATEST);
      expect(restored).toEqual({ ...o, updatedAt: LATEST.toISOString() });
      expect((await occurrences.next(g, FROM))?.id).toBe(o?.id);
    });

    it('restores a meeting the file cancelled when told to (the next sync cancels it again)', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26, { cancelled: true })]);
      expect(await occurrences.setCancelled(o!.id, null, LATER)).toMatchObject({
        status: 'scheduled',
        cancelledBy: null,
      });
      await sync(g, [planned(NOV26, { cancelled: true })], LATEST);
      expect(await statusOf(g, NOV26)).toEqual({ status: 'cancelled', cancelledBy: 'config' });
    });

    it('fails to cancel a meeting that does not exist', async () => {
      await expect(occurrences.setCancelled(987_654 as OccurrenceId, 'U0LEAD001', NOW)).rejects.toThrow();
    });

    it('records the minutes doc, which then shows on the meeting and survives a sync', async () => {
      const g = freshGroup();
      const [o] = await sync(g, [planned(NOV26)]);
      await occurrences.setMinutes(o!.id, 'doc-123', 'https://docs.example/doc-123', LATER);
      const withMinutes = await occurrences.find(g, NOV26);
      expect(withMinutes).toEqual({
        ...o,
        minutes: { docId: 'doc-123', url: 'https://docs.example/doc-123' },
        updatedAt: LATER.toISOString(),
      });
      expect(await sync(g, [planned(NOV26)], LATEST)).toEqual([withMinutes]);
      await occurrences.setMinutes(o!.id, 'doc-456', 'https://docs.example/doc-456', LATEST);
      expect((await occurrences.find(g, NOV26))?.minutes).toEqual({
        docId: 'doc-456',
        url: 'https://docs.example/doc-456',
      });
    });
  });
});
