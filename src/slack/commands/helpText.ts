/** Usage texts: what each command accepts, shown for `help` and for anything unrecognised. */
export const AGENDA_HELP = [
  '*/agenda* — the agenda of this channel’s next meeting',
  '• `/agenda add <topic>` — add a topic (`… for 2026-12-03` targets a later meeting)',
  '• `/agenda` — open a form to add a topic with details',
  '• `/agenda list [YYYY-MM-DD]` — show the agenda',
  '• `/agenda remove <n>` — remove item n (its author or a lead)',
  '• `/agenda move <n> <YYYY-MM-DD>` — move item n to another meeting',
  '• `/agenda done <n>` — mark item n covered (leads)',
].join('\n');

export const TODO_HELP = [
  '*/todo* — action items of this channel’s working group',
  '• `/todo @alice Write the blog post by Dec 7` — record an action item',
  '• `/todo list [mine|@user|all|done]` — list action items',
  '• `/todo done <n>` · `/todo reopen <n>` · `/todo edit <n> <text>`',
].join('\n');

export const MEETING_HELP = [
  '*/meeting* — this channel’s meetings',
  '• `/meeting next` — when the next meeting is, in your time zone',
  '• `/meeting notes` — the minutes doc of the current or next meeting',
  '• `/meeting cancel <YYYY-MM-DD>` · `/meeting restore <YYYY-MM-DD>` — leads only',
  '• `/meeting add <YYYY-MM-DD> <HH:MM> [title]` — a one-off meeting, leads only',
].join('\n');
