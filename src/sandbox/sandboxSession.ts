import type { RunningGavel } from '../gavel.js';
import type { GithubApiServer } from '../standins/githubApiServer.js';
import type { GoogleApiServer } from '../standins/googleApiServer.js';
import type { SlackApiServer, SlackArgs } from '../standins/slackApiServer.js';
import { dmOf } from '../standins/slackApiServer.js';
import { sendInteraction, sendSlashCommand } from '../standins/slackRequests.js';
import type { SandboxClock } from './sandboxClock.js';
import type { SandboxWorkspace } from './sandboxWorkspace.js';

/**
 * What a person in the sandbox sees and does, played against the real app the way Slack's
 * client would: commands and clicks become signed requests; what the app posts, answers and
 * opens is collected from the Slack stand-in into one timeline per channel.
 */

export type TimelineEntry =
  | { readonly key: string; readonly kind: 'message'; readonly index: number }
  | {
      readonly key: string;
      readonly kind: 'ephemeral' | 'command' | 'public';
      readonly channel: string;
      readonly user: string;
      text: string;
      blocks?: unknown;
      /** Said by Slack itself (an unknown command), not by the app. */
      readonly author?: 'slackbot';
    };

/** A posted message as a response_url changed it: `replace_original` redrew it, `delete_original` took it away. */
export type ReplacedMessage = { readonly text: string; readonly blocks?: unknown } | 'deleted';

export interface OpenModal {
  readonly viewId: string;
  readonly user: string;
  readonly channel: string;
  view: SlackArgs;
  errors?: Record<string, string>;
}

export interface SandboxSessionDeps {
  readonly signingSecret: string;
  readonly slack: SlackApiServer;
  readonly github: GithubApiServer;
  readonly google: GoogleApiServer;
  readonly workspace: SandboxWorkspace;
  readonly clock: SandboxClock;
  /** The running app; undefined until it has started. */
  readonly gavel: () => RunningGavel | undefined;
}

interface Origin {
  readonly user: string;
  readonly channel: string;
  /** The ephemeral entry a button was clicked in: `replace_original` replaces it. */
  readonly entryKey?: string;
  /** The posted message a button was clicked in (its index in the stand-in's messages). */
  readonly messageIndex?: number;
}

/** What Slack's client says when someone types a command no installed app declares. */
export function unknownCommandText(command: string, known: readonly string[]): string {
  return (
    `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.\n` +
    `The commands gavel has: ${known.map((c) => `\`${c}\``).join(', ')}.`
  );
}

export type SandboxSession = ReturnType<typeof createSandboxSession>;

export function createSandboxSession(deps: SandboxSessionDeps) {
  const { slack, workspace } = deps;
  const timeline: TimelineEntry[] = [];
  const modals: OpenModal[] = [];
  const origins = new Map<string, Origin>();
  const triggers = new Map<string, Origin>();
  const replaced = new Map<number, ReplacedMessage>();
  const seen = { messages: 0, calls: 0, responses: 0 };
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}${++seq}`;

  const app = () => {
    const gavel = deps.gavel();
    if (!gavel) throw new SandboxError(503, 'gavel is still starting');
    return { gavel, url: `http://127.0.0.1:${gavel.port}` };
  };

  const push = (
    kind: 'ephemeral' | 'command' | 'public',
    origin: Origin,
    body: { text?: unknown; blocks?: unknown },
    author?: 'slackbot',
  ) => {
    const entry: TimelineEntry = {
      key: nextId('e'),
      kind,
      channel: origin.channel,
      user: origin.user,
      text: typeof body.text === 'string' ? body.text : '',
      ...(body.blocks ? { blocks: body.blocks } : {}),
      ...(author ? { author } : {}),
    };
    timeline.push(entry);
    return entry;
  };

  /** A Slack answer (an ack body or a response_url post) shown where Slack would show it. */
  const show = (origin: Origin, body: unknown) => {
    if (!body || typeof body !== 'object') return;
    const b = body as SlackArgs;
    if (b['delete_original'] === true) {
      // Slack takes the ephemeral the button was in away (a question's Cancel).
      const at = origin.entryKey ? timeline.findIndex((e) => e.key === origin.entryKey) : -1;
      if (at >= 0 && timeline[at]!.kind === 'ephemeral') timeline.splice(at, 1);
      return;
    }
    if (typeof b['text'] !== 'string' && !b['blocks']) return;
    if (typeof b['text'] === 'string' && b['text'] === '' && !b['blocks']) return;
    if (b['replace_original'] === true && origin.messageIndex !== undefined) {
      // A posted message redrawn through response_url, as the due-date DM's Done is.
      replaced.set(origin.messageIndex, {
        text: typeof b['text'] === 'string' ? b['text'] : '',
        ...(b['blocks'] ? { blocks: b['blocks'] } : {}),
      });
      return;
    }
    if (b['replace_original'] === true && origin.entryKey) {
      const old = timeline.find((e) => e.key === origin.entryKey);
      if (old && old.kind !== 'message') {
        old.text = typeof b['text'] === 'string' ? b['text'] : '';
        old.blocks = b['blocks'];
        return;
      }
    }
    push(b['response_type'] === 'in_channel' ? 'public' : 'ephemeral', origin, b);
  };

  /** Takes in what the app did through the Slack stand-in since the last look. */
  function sync() {
    const messages = slack.messages();
    for (; seen.messages < messages.length; seen.messages += 1) {
      timeline.push({ key: nextId('m'), kind: 'message', index: seen.messages });
    }
    for (; seen.calls < slack.calls.length; seen.calls += 1) {
      const call = slack.calls[seen.calls]!;
      if (call.status !== 200) continue;
      const args = call.args;
      if (call.method === 'chat.postEphemeral') {
        push('ephemeral', { user: String(args['user']), channel: String(args['channel']) }, args);
      } else if (call.method === 'views.open' || call.method === 'views.push') {
        const origin = triggers.get(String(args['trigger_id']));
        const view = args['view'];
        if (origin && view && typeof view === 'object') {
          modals.push({
            viewId: nextId('V'),
            user: origin.user,
            channel: origin.channel,
            view: view as SlackArgs,
          });
        }
      }
    }
    for (; seen.responses < slack.responses.length; seen.responses += 1) {
      const response = slack.responses[seen.responses]!;
      const origin = origins.get(response.id);
      if (origin) show(origin, response.body);
    }
  }

  /** Slack's client turns a picked `@name` into a mention carrying the user's id. */
  const withMentions = (text: string) =>
    text.replace(/(^|\s)@([\w.-]+)/g, (whole, space: string, name: string) => {
      const user = workspace.users.find((u) => u.name === name);
      return user ? `${space}<@${user.id}|${user.name}>` : whole;
    });

  const requireUser = (id: unknown) => {
    const user = workspace.users.find((u) => u.id === id);
    if (!user) throw new SandboxError(400, 'unknown user');
    return user;
  };
  /** A channel of the workspace, or the acting user's own DM with gavel (nobody else's). */
  const requireChannel = (id: unknown, user: string) => {
    if (typeof id !== 'string' || !(workspace.channels.some((c) => c.id === id) || id === dmOf(user))) {
      throw new SandboxError(400, 'unknown channel');
    }
    return id;
  };
  const channelName = (id: string) =>
    workspace.channels.find((c) => c.id === id)?.name ?? (id.startsWith('D') ? 'directmessage' : id);
  const originFor = (origin: Origin) => {
    const responseId = nextId('sandbox-');
    const triggerId = nextId('trigger-');
    origins.set(responseId, origin);
    triggers.set(triggerId, origin);
    return { responseUrl: slack.responseUrl(responseId), triggerId };
  };

  return {
    sync,
    timeline: () => timeline,
    modals: () => modals,
    /** Posted messages a response_url redrew or took away, by their index in the stand-in's messages. */
    replaced: () => replaced as ReadonlyMap<number, ReplacedMessage>,

    async command(input: { user?: unknown; channel?: unknown; text?: unknown }) {
      const user = requireUser(input.user);
      const channel = requireChannel(input.channel, user.id);
      const typed = typeof input.text === 'string' ? input.text.trim() : '';
      const m = /^(\/[^\s/]+)\s*([\s\S]*)$/.exec(typed);
      if (!m) throw new SandboxError(400, 'type a command such as /agenda add Our topic');
      const { url, gavel } = app();
      sync();
      const origin = { user: user.id, channel };
      if (!gavel.commands.includes(m[1]!)) {
        // Slack never sends a command no app declares: its client answers at once, alone.
        push('ephemeral', origin, { text: unknownCommandText(m[1]!, gavel.commands) }, 'slackbot');
        return { status: 200, body: { unknown: m[1] } };
      }
      push('command', origin, { text: typed });
      const { responseUrl, triggerId } = originFor(origin);
      const answer = await sendSlashCommand(url, deps.signingSecret, {
        command: m[1]!,
        text: withMentions(m[2]!),
        userId: user.id,
        channelId: channel,
        responseUrl,
        triggerId,
      });
      if (answer.status !== 200) {
        // What Slack itself shows when an app does not answer a command properly.
        push('ephemeral', origin, { text: `${m[1]!} failed with the following error: dispatch_failed` });
      } else {
        show(origin, answer.body);
      }
      sync();
      return { status: answer.status, body: answer.body };
    },

    async action(input: {
      user?: unknown;
      channel?: unknown;
      entryKey?: unknown;
      actionId?: unknown;
      blockId?: unknown;
      value?: unknown;
    }) {
      const user = requireUser(input.user);
      const channel = requireChannel(input.channel, user.id);
      const { url } = app();
      sync();
      const entry = timeline.find((e) => e.key === input.entryKey);
      if (!entry) throw new SandboxError(400, 'unknown message');
      const message = entry.kind === 'message' ? slack.messages()[entry.index] : undefined;
      const ts = typeof message?.['ts'] === 'string' ? message['ts'] : '1795600000.000001';
      const origin = {
        user: user.id,
        channel,
        ...(entry.kind === 'message' ? { messageIndex: entry.index } : { entryKey: entry.key }),
      };
      const { responseUrl, triggerId } = originFor(origin);
      const answer = await sendInteraction(url, deps.signingSecret, {
        type: 'block_actions',
        team: { id: 'T0GAVEL', domain: 'gavel' },
        user: { id: user.id, username: user.name, name: user.name, team_id: 'T0GAVEL' },
        api_app_id: 'A0GAVEL',
        token: 'legacy-verification-token',
        trigger_id: triggerId,
        response_url: responseUrl,
        container: {
          type: 'message',
          message_ts: ts,
          channel_id: channel,
          is_ephemeral: entry.kind !== 'message',
        },
        channel: { id: channel, name: channelName(channel) },
        message: message ?? { type: 'message', ts, text: entry.kind === 'message' ? '' : entry.text },
        actions: [
          {
            type: 'button',
            action_id: typeof input.actionId === 'string' ? input.actionId : '',
            block_id: typeof input.blockId === 'string' ? input.blockId : '',
            ...(typeof input.value === 'string' ? { value: input.value } : {}),
            action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
          },
        ],
      });
      sync();
      return { status: answer.status, body: answer.body };
    },

    /** Submits a modal with its form values in Slack's `view.state.values` shape. */
    async submit(input: { user?: unknown; viewId?: unknown; values?: unknown }) {
      const user = requireUser(input.user);
      const modal = modals.find((m) => m.viewId === input.viewId && m.user === user.id);
      if (!modal) throw new SandboxError(400, 'that form is closed');
      const { url } = app();
      const origin = { user: user.id, channel: modal.channel };
      const { triggerId } = originFor(origin);
      const answer = await sendInteraction(url, deps.signingSecret, {
        type: 'view_submission',
        team: { id: 'T0GAVEL', domain: 'gavel' },
        user: { id: user.id, username: user.name, name: user.name, team_id: 'T0GAVEL' },
        api_app_id: 'A0GAVEL',
        token: 'legacy-verification-token',
        trigger_id: triggerId,
        view: {
          ...modal.view,
          id: modal.viewId,
          team_id: 'T0GAVEL',
          app_id: 'A0GAVEL',
          bot_id: 'B0GAVEL',
          hash: `h${modal.viewId}`,
          state: { values: typeof input.values === 'object' && input.values ? input.values : {} },
        },
      });
      const body = (answer.body ?? {}) as SlackArgs;
      const action = body['response_action'];
      if (answer.status !== 200) {
        modal.errors = { '': `The app answered ${answer.status}.` };
      } else if (action === 'errors') {
        modal.errors = (body['errors'] ?? {}) as Record<string, string>;
      } else if ((action === 'update' || action === 'push') && body['view']) {
        modal.view = body['view'] as SlackArgs;
        delete modal.errors;
      } else {
        modals.splice(modals.indexOf(modal), 1);
      }
      sync();
      return { status: answer.status, body: answer.body };
    },

    async close(input: { user?: unknown; viewId?: unknown }) {
      const user = requireUser(input.user);
      const modal = modals.find((m) => m.viewId === input.viewId && m.user === user.id);
      if (!modal) return;
      modals.splice(modals.indexOf(modal), 1);
      if (modal.view['notify_on_close'] === true) {
        await sendInteraction(app().url, deps.signingSecret, {
          type: 'view_closed',
          team: { id: 'T0GAVEL', domain: 'gavel' },
          user: { id: user.id, username: user.name, name: user.name, team_id: 'T0GAVEL' },
          api_app_id: 'A0GAVEL',
          view: { ...modal.view, id: modal.viewId },
          is_cleared: false,
        });
      }
    },
  };
}

/** A request the page made wrongly (400) or too early (503): answered as `{ error }`. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
