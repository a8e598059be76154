/** Usage texts: what each command accepts, shown for `help` and for anything unrecognised. */
export const AGENDA_HELP = [
  '*/agenda* — the agenda of this channel’s next meeting (during a meeting: the current one)',
  '• `/agenda add <topic>` — add a topic, up to 300 characters (`… for 2026-12-03` targets another meeting)',
  '• `/agenda add Release plan for 15m` — with a timebox (`for 15m`, `for 1h`, `for 90m`; 1 min to 4h, at the very end); lists and reminders total them against the meeting’s length',
  '• `/agenda` — open a form to add a topic with details, a link or a timebox',
  '• `/agenda list [YYYY-MM-DD]` — show the agenda (only to you)',
  '• `/agenda remove <n> [YYYY-MM-DD]` — remove item n (its author or a lead)',
  '• `/agenda move <n> <YYYY-MM-DD>` — move item n to another meeting (its author or a lead)',
  '• `/agenda move <n> top|up|down|bottom` — change item n’s place in the order of discussion (leads)',
  '• `/agenda order 3 1 2` — put every item still to discuss in a new order (leads); items keep their numbers',
  '• `/agenda done <n> [YYYY-MM-DD]` — mark item n covered (leads)',
  'Adding, removing, moving and reordering are announced in the channel. Items not covered move on to the next meeting when a meeting ends (unless the group drops them), in their order.',
  'Standing items and GitHub counts from the groups file (`agenda.standing`, `agenda.counts`) head every agenda; they are not numbered and cannot be removed for one meeting.',
].join('\n');

export const TODO_HELP = [
  '*/todo* — action items of this channel’s working group',
  '• `/todo @alice [@bob] Write the blog post by Dec 7` — record an action item (no @: it is yours); up to 500 characters and 10 owners',
  '• `by` takes `2026-12-07`, `Dec 7`, `tomorrow`, `in 3 days`, `thursday` (the coming one), `next thursday` (next week’s: on a Tuesday, the Thursday nine days later) or `next meeting`, in the group’s time zone; the reply shows the date it chose',
  '• A mistyped subcommand (`/todo lsit`) or an item of one or two words with no owner is asked about first: *Record it anyway* or *Cancel*',
  '• `/todo` — open a form; or use “Make action item” on any message',
  '• `/todo list [mine|@user|all|done]` — list action items (only to you)',
  '• `/todo done <n>` · `/todo reopen <n>` · `/todo edit <n> <text>` — owners, the author or a lead',
  'When the group has a GitHub repository, each item becomes an issue there; closing the issue marks the item done.',
].join('\n');

export const MEETING_HELP = [
  '*/meeting* — this channel’s meetings',
  '• `/meeting next` — when the next meeting is, in your time zone',
  '• `/meeting notes` — the minutes doc of the current or next meeting',
  '• `/meeting cancel <YYYY-MM-DD>` · `/meeting restore <YYYY-MM-DD>` — leads only; a holiday or break can be restored here, a date named under `cancelled:` only in the groups file',
  '• `/meeting add <YYYY-MM-DD> <HH:MM> [title]` — a one-off meeting, leads only',
  '*At the meeting*',
  '• `/meeting here` — count yourself present (or press *I’m here* on the start post); leads: `/meeting here @alice @bob`',
  '• `/meeting attendance [YYYY-MM-DD]` — who was there, with organisations',
  '• `/meeting recording <url> [YYYY-MM-DD]` — the meeting’s recording, posted in its thread',
  '• `/meeting voters` — who holds a vote at the next meeting (groups with a voting rule)',
  '• `/meeting absent <YYYY-MM-DD> [@person]` — a leave of absence: it does not count against a vote',
  '*After the meeting*',
  '• `/meeting publish [YYYY-MM-DD]` — leads: publish the minutes and decisions to the group’s repository now (groups with `archive:`; it happens by itself a day after the end)',
].join('\n');

export const DECISION_HELP = [
  '*/decision* — what the meeting decided (leads and scribes)',
  '• `/decision Adopt v1.0 as proposed in cloudevents/spec#1223` — records it for the meeting in progress or ended in the last day, announced in the meeting’s thread; an issue or pull request it names gets a comment',
  '• `/decision list [words]` — the group’s decisions, newest first',
].join('\n');
