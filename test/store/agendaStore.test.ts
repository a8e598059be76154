import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaRepository } from '../../src/core/ports/agendaRepository.js';
import { agendaStore } from '../../src/store/agendaStore.js';
import { gid, uid } from '../support/ids.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';
import type { GroupId } from '../../src/core/ids.js';
import { agendaItemId } from '../../src/core/model/agendaItem.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';
const DEC10 = '2026-12-10T17:00:00.000Z';

describe.each(ENGINES)('the agenda store on %s', (engine) => {
  let database: TestDatabase;
  let agenda: AgendaRepository;
  let meetingSeq = 0;
  /** Each test gets meetings of its own group, so tests never see each other's items. */
  const freshGroup = () => gid(`g${++meetingSeq}`);
  const add = (groupId: GroupId, meetingStartsAt: string, topic: string, authorId = uid('U0MEMBER1')) =>
    agenda.add({ groupId, meetingStartsAt, topic, details: null, authorId }, NOW);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    agenda = agendaStore(database.opened.db, database.opened.dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('numbers items 1, 2, 3 per meeting and keeps each meeting and group apart', async () => {
    const g = freshGroup();
    const other = freshGroup();
    expect((await add(g, NOV26, 'a')).number).toBe(1);
    expect((await add(g, NOV26, 'b')).number).toBe(2);
    expect((await add(g, DEC03, 'c')).number).toBe(1);
    expect((await add(other, NOV26, 'd')).number).toBe(1);
    expect((await add(g, NOV26, 'e')).number).toBe(3);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => i.topic)).toEqual(['a', 'b', 'e']);
  });

  it('records the author, the details and the time, and starts items open', async () => {
    const g = freshGroup();
    const item = await agenda.add(
      {
        groupId: g,
        meetingStartsAt: NOV26,
        topic: 'CloudEvents 2.0',
        details: 'see the PR',
        authorId: uid('U0LEAD001'),
      },
      NOW,
    );
    expect(item).toMatchObject({
      groupId: g,
      meetingStartsAt: NOV26,
      topic: 'CloudEvents 2.0',
      details: 'see the PR',
      authorId: uid('U0LEAD001'),
      status: 'open',
      rolledFrom: null,
      createdAt: NOW.toISOString(),
    });
    expect(await agenda.byId(item.id)).toEqual(item);
    expect(await agenda.byNumber(g, NOV26, 1)).toEqual(item);
  });

  it('never loses an item nor repeats a number when 30 adds race', async () => {
    const g = freshGroup();
    const items = await Promise.all(Array.from({ length: 30 }, (_, i) => add(g, NOV26, `topic ${i}`)));
    expect(new Set(items.map((i) => i.number)).size).toBe(30);
    // Each caller gets its own row back, numbered in the order the adds came in.
    expect(items.map((i) => i.topic)).toEqual(Array.from({ length: 30 }, (_, i) => `topic ${i}`));
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const stored = await agenda.forMeeting(g, NOV26);
    expect(stored.map((i) => i.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('stores text exactly as typed: emoji, CJK, right-to-left and Slack control sequences', async () => {
    const g = freshGroup();
    const topics = [
      '🚀 Ship it 👩🏽‍💻',
      '議題：イベント仕様 2.0',
      'مراجعة المواصفات',
      '<!channel> & <@U0LEAD001> <https://x.io|x>',
    ];
    for (const t of topics) await add(g, NOV26, t);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => i.topic)).toEqual(topics);
  });

  it('lists only open items as the open agenda', async () => {
    const g = freshGroup();
    const a = await add(g, NOV26, 'a');
    await add(g, NOV26, 'b');
    await agenda.setStatus(a.id, 'covered', NOW);
    expect((await agenda.openForMeeting(g, NOV26)).map((i) => i.topic)).toEqual(['b']);
    expect((await agenda.byId(a.id))?.status).toBe('covered');
  });

  it('removes an item once and leaves the others their numbers', async () => {
    const g = freshGroup();
    const a = await add(g, NOV26, 'a');
    await add(g, NOV26, 'b');
    expect(await agenda.remove(a.id)).toBe(true);
    expect(await agenda.remove(a.id)).toBe(false);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => [i.number, i.topic])).toEqual([[2, 'b']]);
  });

  it('moves an item to another meeting after that meeting’s items', async () => {
    const g = freshGroup();
    const a = await add(g, NOV26, 'a');
    await add(g, DEC03, 'x');
    await add(g, DEC03, 'y');
    const moved = await agenda.move(a.id, DEC03, NOW);
    expect(moved).toMatchObject({ meetingStartsAt: DEC03, number: 3, topic: 'a', rolledFrom: null });
    expect(await agenda.forMeeting(g, NOV26)).toEqual([]);
  });

  it('rolls open items over in order after the next meeting’s items, once', async () => {
    const g = freshGroup();
    const a = await add(g, NOV26, 'a');
    const b = await add(g, NOV26, 'b');
    await add(g, NOV26, 'c');
    await agenda.setStatus(b.id, 'covered', NOW);
    await add(g, DEC03, 'already there');

    const moved = await agenda.rollOver(g, NOV26, DEC03, NOW);
    expect(moved.map((i) => [i.number, i.topic, i.rolledFrom])).toEqual([
      [2, 'a', NOV26],
      [3, 'c', NOV26],
    ]);
    expect(moved[0]?.id).toBe(a.id);
    expect(await agenda.rollOver(g, NOV26, DEC03, NOW)).toEqual([]);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => [i.topic, i.status])).toEqual([['b', 'covered']]);
  });

  it('remembers the meeting an item was first put on when it rolls over again', async () => {
    const g = freshGroup();
    await add(g, NOV26, 'a');
    await agenda.rollOver(g, NOV26, DEC03, NOW);
    const [again] = await agenda.rollOver(g, DEC03, DEC10, NOW);
    expect(again).toMatchObject({ meetingStartsAt: DEC10, number: 1, rolledFrom: NOV26 });
  });

  it('keeps numbers unique when a rollover races with adds to the next meeting', async () => {
    const g = freshGroup();
    for (let i = 0; i < 5; i++) await add(g, NOV26, `old ${i}`);
    await Promise.all([
      agenda.rollOver(g, NOV26, DEC03, NOW),
      ...Array.from({ length: 10 }, (_, i) => add(g, DEC03, `new ${i}`)),
    ]);
    const numbers = (await agenda.forMeeting(g, DEC03)).map((i) => i.number);
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('drops the open items of a meeting, once, and leaves covered ones alone', async () => {
    const g = freshGroup();
    await add(g, NOV26, 'a');
    const b = await add(g, NOV26, 'b');
    await agenda.setStatus(b.id, 'covered', NOW);
    expect(await agenda.dropOpen(g, NOV26, NOW)).toBe(1);
    expect(await agenda.dropOpen(g, NOV26, NOW)).toBe(0);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => i.status)).toEqual(['dropped', 'covered']);
  });

  it('answers "no such item" for ids no row can have (a button value or webhook can say anything)', async () => {
    for (const id of [0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN]) {
      expect(await agenda.byId(agendaItemId(id))).toBeUndefined();
    }
  });

  it('keeps a timebox, and reorders the open items into the places they hold, covered ones staying put', async () => {
    const g = freshGroup();
    const timed = await agenda.add(
      {
        groupId: g,
        meetingStartsAt: NOV26,
        topic: 'a',
        details: null,
        authorId: uid('U0MEMBER1'),
        timeboxMinutes: 15,
      },
      NOW,
    );
    expect(timed).toMatchObject({ number: 1, timeboxMinutes: 15, position: 1 });
    const b = await add(g, NOV26, 'b');
    await add(g, NOV26, 'c');
    await add(g, NOV26, 'd');
    await agenda.setStatus(b.id, 'covered', NOW);
    expect(await agenda.reorder(g, NOV26, [4, 1, 3], NOW)).toBe(true);
    expect((await agenda.forMeeting(g, NOV26)).map((i) => [i.number, i.position])).toEqual([
      [4, 1],
      [2, 2],
      [1, 3],
      [3, 4],
    ]);
    expect((await agenda.openForMeeting(g, NOV26)).map((i) => i.topic)).toEqual(['d', 'a', 'c']);
    expect((await add(g, NOV26, 'e')).position).toBe(5);
    // The open items changed since the order was chosen: nothing is written.
    expect(await agenda.reorder(g, NOV26, [1, 3, 4], NOW)).toBe(false);
    expect((await agenda.openForMeeting(g, NOV26)).map((i) => i.topic)).toEqual(['d', 'a', 'c', 'e']);
  });

  it('rolls the open items over in their order of discussion', async () => {
    const g = freshGroup();
    await add(g, DEC03, 'already there');
    for (const topic of ['a', 'b', 'c']) await add(g, NOV26, topic);
    await agenda.reorder(g, NOV26, [3, 1, 2], NOW);
    const moved = await agenda.rollOver(g, NOV26, DEC03, NOW);
    expect(moved.map((i) => [i.topic, i.number, i.position])).toEqual([
      ['c', 2, 2],
      ['a', 3, 3],
      ['b', 4, 4],
    ]);
    expect((await agenda.forMeeting(g, DEC03)).map((i) => i.topic)).toEqual(['already there', 'c', 'a', 'b']);
  });
});
