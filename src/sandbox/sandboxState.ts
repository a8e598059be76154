import type { Group } from '../core/group.js';
import type { Occurrence } from '../core/model/occurrence.js';
import { DAY_MS, MINUTE_MS } from '../core/duration.js';
import type { OccurrenceRepository } from '../core/ports/occurrenceRepository.js';
import { dmOf } from '../standins/slackApiServer.js';
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
  // Slack marks a message changed with chat.update "(edited)"; the stand-in keeps only its text.
  const edited = new Set(
    slack.calls
      .filter((c) => c.method === 'chat.update' && c.status === 200)
      .map((c) => `${String(c.args['channel'])} ${String(c.args['ts'])}`),
  );

  const channels = await Promise.all(
    workspace.channels.map(async (c) => {
      const group = services?.groups.byChannel(c.id);
      const next = group ? await services?.occurrences.next(group.id, now) : undefined;
      const on = group && services ? (await currentMeetings(services.occurrences, group, now))[0] : undefined;
      return {
        id: c.id,
        name: c.name,
        group: group
          ? {
              id: group.id,
              name: group.name,
              timeZone: group.timeZone,
              next: next ? { title: next.title, startsAt: next.startsAt } : undefined,
              // Started, its wrap-up still to come: what the "wrap-up" jump goes to.
              current: on
                ? {
                    title: on.title,
                    startsAt: on.startsAt,
                    wrapUpAt: new Date(
                      Date.parse(on.endsAt) + group.wrapUpAfterMinutes * MINUTE_MS,
                    ).toISOString(),
                  }
                : undefined,
            }
          : undefined,
      };
    }),
  );

  // The app DMs a person by posting to their user id; Slack shows that in the bot's DM with them.
  const dmWith = (channel: unknown) =>
    workspace.users.find((u) => u.id === channel || dmOf(u.id) === channel)?.id;
  const replaced = session.replaced();
  const timeline = session
    .timeline()
    .filter((e) => e.kind !== 'message' || replaced.get(e.index) !== 'deleted')
    .map((e) => {
      if (e.kind !== 'message') return e;
      const m = messages[e.index] ?? {};
      const redrawn = replaced.get(e.index);
      const dmUser = dmWith(m['channel']);
      return {
        key: e.key,
        kind: 'bot',
        channel: dmUser ? dmOf(dmUser) : m['channel'],
        // A DM is seen by the person it is for, and nobody else.
        ...(dmUser ? { dm: true, user: dmUser } : {}),
        ts: m['ts'],
        threadTs: m['thread_ts'],
        ...(redrawn && redrawn !== 'deleted'
          ? { text: redrawn.text, blocks: redrawn.blocks }
          : { text: m['text'], blocks: m['blocks'] }),
        ...(edited.has(`${String(m['channel'])} ${String(m['ts'])}`) ? { edited: true } : {}),
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
      pullRequest: i.pullRequest === true,
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

/** The group's meetings that have started (within a day) and whose wrap-up is still to come. */
export async function currentMeetings(
  occurrences: Pick<OccurrenceRepository, 'between'>,
  group: Group,
  now: Date,
): Promise<Occurrence[]> {
  const started = await occurrences.between(
    group.id,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() + 1),
  );
  return started.filter(
    (o) =>
      o.status === 'scheduled' && Date.parse(o.endsAt) + group.wrapUpAfterMinutes * MINUTE_MS > now.getTime(),
  );
}
