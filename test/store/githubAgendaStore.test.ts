import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupId } from '../../src/core/ids.js';
import type { AgendaRepository, GithubAgendaItem } from '../../src/core/ports/agendaRepository.js';
import { agendaStore } from '../../src/store/agendaStore.js';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases.js';
import { gid, uid } from '../support/ids.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const NOV26 = '2026-11-26T17:00:00.000Z';
const DEC03 = '2026-12-03T17:00:00.000Z';

describe.each(ENGINES)('the agenda store’s GitHub items on %s', (engine) => {
  let database: TestDatabase;
  let agenda: AgendaRepository;
  let seq = 0;
  const freshGroup = () => gid(`gh${++seq}`);
  const labelled = (
    groupId: GroupId,
    number: number,
    over: Partial<GithubAgendaItem> = {},
  ): GithubAgendaItem => ({
    groupId,
    meetingStartsAt: NOV26,
    topic: `Issue ${number}`,
    authorId: null,
    github: {
      repo: 'cncf/wg-serverless',
      number,
      kind: 'issue',
      url: `https://github.com/cncf/wg-serverless/issues/${number}`,
      login: 'octocat',
    },
    ...over,
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    agenda = agendaStore(database.opened.db, database.opened.dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('keeps one open item per issue however many writers race, numbered with the typed ones', async () => {
    const g = freshGroup();
    await agenda.add(
      { groupId: g, meetingStartsAt: NOV26, topic: 'typed', details: null, authorId: uid('U0MEMBER1') },
      NOW,
    );
    const results = await Promise.all(
      Array.from({ length: 8 }, () => agenda.upsertFromGithub(labelled(g, 7), NOW)),
    );
    expect(results.filter((r) => r.change === 'added')).toHaveLength(1);
    const items = await agenda.forMeeting(g, NOV26);
    expect(items.map((i) => [i.number, i.topic, i.authorId, i.github?.number])).toEqual([
      [1, 'typed', 'U0MEMBER1', undefined],
      [2, 'Issue 7', null, 7],
    ]);
  });

  it('updates a renamed issue where its item is, and leaves a covered one in its meeting when it is removed', async () => {
    const g = freshGroup();
    const { item } = await agenda.upsertFromGithub(labelled(g, 1), NOW);
    await agenda.move(item.id, DEC03, NOW);
    const renamed = await agenda.upsertFromGithub(
      labelled(g, 1, { topic: 'Renamed', authorId: uid('U0LEAD001') }),
      NOW,
    );
    expect(renamed).toMatchObject({
      change: 'updated',
      item: { meetingStartsAt: DEC03, topic: 'Renamed', authorId: 'U0LEAD001' },
    });
    expect(
      (await agenda.upsertFromGithub(labelled(g, 1, { topic: 'Renamed', authorId: uid('U0LEAD001') }), NOW))
        .change,
    ).toBe('unchanged');

    await agenda.setStatus(item.id, 'covered', NOW);
    expect(await agenda.removeFromGithub(g, 'cncf/wg-serverless', 1)).toBeUndefined();
    expect(await agenda.openFromGithub(g)).toEqual([]);
    // Still labelled after being covered: a new open item, beside the covered one in the record.
    expect((await agenda.upsertFromGithub(labelled(g, 1), NOW)).change).toBe('added');
    expect((await agenda.removeFromGithub(g, 'cncf/wg-serverless', 1))?.status).toBe('open');
    expect((await agenda.forMeeting(g, DEC03)).map((i) => i.status)).toEqual(['covered']);
  });
});
