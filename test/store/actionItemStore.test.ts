import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItemRepository, NewActionItem } from '../../src/core/ports/actionItemRepository.js';
import { actionItemStore } from '../../src/store/actionItemStore.js';
import { cid, day, gid, uid } from '../support/ids.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';
import type { GroupId } from '../../src/core/ids.js';
import { actionItemId } from '../../src/core/model/actionItem.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const LATER = new Date('2026-11-24T08:00:00.000Z');

describe.each(ENGINES)('the action item store on %s', (engine) => {
  let database: TestDatabase;
  let items: ActionItemRepository;
  let groupSeq = 0;
  /** Each test gets a group of its own, so tests never see each other's items. */
  const freshGroup = () => gid(`g${++groupSeq}`);
  const item = (groupId: GroupId, over: Partial<NewActionItem> = {}): NewActionItem => ({
    groupId,
    meetingStartsAt: '2026-11-19T17:00:00.000Z',
    text: 'Write the blog post',
    owners: [uid('U0ALICE1')],
    authorId: uid('U0AUTHOR1'),
    dueDate: day('2026-12-07'),
    channelId: cid('C0SERVERLESS'),
    sourcePermalink: null,
    ...over,
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    items = actionItemStore(database.opened.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('numbers items 1, 2, 3 per group and records what was said', async () => {
    const g = freshGroup();
    const other = freshGroup();
    const first = await items.create(item(g, { owners: [uid('U0ALICE1'), uid('U0BOB001')] }), NOW);
    expect(first).toMatchObject({
      groupId: g,
      number: 1,
      text: 'Write the blog post',
      owners: ['U0ALICE1', 'U0BOB001'],
      authorId: uid('U0AUTHOR1'),
      dueDate: day('2026-12-07'),
      status: 'open',
      channelId: cid('C0SERVERLESS'),
      messageTs: null,
      githubIssue: null,
      createdAt: NOW.toISOString(),
      doneAt: null,
    });
    expect((await items.create(item(g), NOW)).number).toBe(2);
    expect((await items.create(item(other), NOW)).number).toBe(1);
    expect((await items.byNumber(g, 2))?.groupId).toBe(g);
    expect(await items.byNumber(g, 3)).toBeUndefined();
  });

  it('never gives two concurrent items the same number', async () => {
    const g = freshGroup();
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) => items.create(item(g, { text: `item ${i}` }), NOW)),
    );
    expect(created.map((c) => c.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('lists open, done, any, and one owner’s items', async () => {
    const g = freshGroup();
    const a = await items.create(item(g, { owners: [uid('U0ALICE1')] }), NOW);
    const b = await items.create(item(g, { owners: [uid('U0BOB001'), uid('U0ALICE1')] }), NOW);
    const c = await items.create(item(g, { owners: [uid('U0BOB001')] }), NOW);
    await items.setStatus(b.id, 'done', LATER);
    const numbers = (list: { number: number }[]) => list.map((i) => i.number);
    expect(numbers(await items.list(g, { status: 'open' }))).toEqual([a.number, c.number]);
    expect(numbers(await items.list(g, { status: 'done' }))).toEqual([b.number]);
    expect(numbers(await items.list(g, { status: 'any' }))).toEqual([1, 2, 3]);
    expect(numbers(await items.list(g, { status: 'any', owner: uid('U0ALICE1') }))).toEqual([1, 2]);
    expect(numbers(await items.list(g, { status: 'open', owner: uid('U0BOB001') }))).toEqual([3]);
    expect(await items.list(g, { status: 'open', owner: uid('U0BOB') })).toEqual([]);
  });

  it('names the groups with an open item created since an instant', async () => {
    const [fresh, closed, old] = [freshGroup(), freshGroup(), freshGroup()];
    const since = new Date('2030-01-01T00:00:00.000Z');
    const after = new Date('2030-01-01T00:05:00.000Z');
    await items.create(item(fresh), after);
    const done = await items.create(item(closed), after);
    await items.setStatus(done.id, 'done', after);
    await items.create(item(old), new Date('2029-12-31T23:00:00.000Z'));
    const active = await items.groupsWithOpenSince(since.toISOString());
    expect(active.has(fresh)).toBe(true);
    expect(active.has(closed)).toBe(false);
    expect(active.has(old)).toBe(false);
  });

  it('marks done and reopens, saying whether anything changed', async () => {
    const g = freshGroup();
    const a = await items.create(item(g), NOW);
    const done = await items.setStatus(a.id, 'done', LATER);
    expect(done).toMatchObject({ changed: true, item: { status: 'done', doneAt: LATER.toISOString() } });
    expect((await items.setStatus(a.id, 'done', LATER)).changed).toBe(false);
    const reopened = await items.setStatus(a.id, 'open', LATER);
    expect(reopened).toMatchObject({ changed: true, item: { status: 'open', doneAt: null } });
  });

  it('edits the text and due date and records the message, the source and the GitHub issue', async () => {
    const g = freshGroup();
    const a = await items.create(item(g), NOW);
    expect((await items.editText(a.id, 'Write two posts', LATER)).text).toBe('Write two posts');
    expect(await items.setDueDate(a.id, day('2026-12-14'), LATER)).toMatchObject({
      dueDate: day('2026-12-14'),
      updatedAt: LATER.toISOString(),
    });
    expect((await items.setMessage(a.id, '1700000000.000100', LATER)).messageTs).toBe('1700000000.000100');
    expect((await items.setSourcePermalink(a.id, 'https://x.slack.com/p1', LATER)).sourcePermalink).toBe(
      'https://x.slack.com/p1',
    );
    const linked = await items.setGithubIssue(a.id, 42, 'https://github.com/o/r/issues/42', LATER);
    expect(linked).toMatchObject({
      githubIssue: { number: 42, url: 'https://github.com/o/r/issues/42' },
      updatedAt: LATER.toISOString(),
    });
    expect((await items.byGithubIssue([g, gid('other')], 42))?.id).toBe(a.id);
    expect(await items.byGithubIssue([gid('other')], 42)).toBeUndefined();
    expect(await items.byGithubIssue([], 42)).toBeUndefined();
  });

  it('finds open items due by a date for the meeting reminder', async () => {
    const g = freshGroup();
    await items.create(item(g, { dueDate: day('2026-11-25') }), NOW);
    await items.create(item(g, { dueDate: null }), NOW);
    await items.create(item(g, { dueDate: day('2026-11-27') }), NOW);
    const done = await items.create(item(g, { dueDate: day('2026-11-20') }), NOW);
    await items.setStatus(done.id, 'done', NOW);
    expect((await items.openDueBy(g, day('2026-11-26'))).map((i) => i.number)).toEqual([1]);
  });

  it('answers "no such item" for ids no row can have (a button value or webhook can say anything)', async () => {
    for (const id of [0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN]) {
      expect(await items.byId(actionItemId(id))).toBeUndefined();
    }
  });
});
