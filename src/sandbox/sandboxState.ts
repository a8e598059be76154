import type { Group } from '../core/group.js';
import type { SandboxSession, SandboxSessionDeps } from './sandboxSession.js';

/** The page's whole picture, polled every second: small enough to send in full each time. */
export async function sandboxState(
  deps: SandboxSessionDeps,
  session: SandboxSession,
  groups: readonly Group[],
): Promise<unknown> {
  session.sync();
  const { slack, github, google, workspace, clock } = deps;
  const now = clock.now();
  const services = deps.gavel()?.services;
  const messages = slack.messages();

  const channels = await Promise.all(
    workspace.channels.map(async (c) => {
      const group = services?.groups.byChannel(c.id);
      const next = group ? await services?.occurrences.next(group.id, now) : undefined;
      return {
        id: c.id,
        name: c.name,
        group: group
          ? {
              id: group.id,
              name: group.name,
              timeZone: group.timeZone,
              next: next ? { title: next.title, startsAt: next.startsAt } : undefined,
            }
          : undefined,
      };
    }),
  );

  const timeline = session.timeline().map((e) => {
    if (e.kind !== 'message') return e;
    const m = messages[e.index] ?? {};
    return {
      key: e.key,
      kind: 'bot',
      channel: m['channel'],
      ts: m['ts'],
      threadTs: m['thread_ts'],
      text: m['text'],
      blocks: m['blocks'],
    };
  });

  const docIds = new Set<string>();
  const docs = [];
  for (const g of groups) {
    const ids =
      g.minutes?.mode === 'running'
        ? [g.minutes.docId]
        : g.minutes?.mode === 'per-meeting'
          ? google
              .filesIn(g.minutes.folderId)
              .map((f) => f.id)
              .reverse()
          : [];
    for (const id of ids) {
      const f = google.file(id);
      if (!f || docIds.has(id)) continue;
      docIds.add(id);
      docs.push({ id, group: g.name, name: f.name, text: f.text });
    }
  }

  const issues = github
    .issues()
    .map((i) => ({
      repo: `${i.owner}/${i.repo}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      labels: i.labels,
      assignees: i.assignees,
      comments: i.comments,
    }))
    .reverse();

  return {
    clock: now.toISOString(),
    users: workspace.users.map((u) => ({ id: u.id, name: u.name, realName: u.real_name, tz: u.tz })),
    channels,
    timeline,
    modals: session.modals(),
    docs,
    issues,
  };
}
