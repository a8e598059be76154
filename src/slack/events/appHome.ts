import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type HomeItem, type HomeMeeting, homeView } from '../../core/home/homeView.js';
import { todayIn } from '../../core/todo/localDates.js';
import type { Services } from '../../services.js';
import { type SlackUserId, slackUserId } from '../../core/ids.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

const HOUR_MS = 60 * 60_000;

/** `app_home_opened`: publishes the viewer's Home tab, once per event however often Slack retries. */
export function registerAppHome(app: App, services: Services): void {
  app.event('app_home_opened', async ({ event, body, client, logger }: HomeOpenedArgs) => {
    if (event.tab !== 'home') return;
    const now = services.clock.now();
    if (!(await services.events.firstDelivery(body.event_id, now))) {
      logger.debug(`event ${body.event_id} already handled (a Slack retry)`);
      return;
    }
    await client.views.publish({
      user_id: event.user,
      view: homeView(await homeInput(services, slackUserId(event.user), now)),
    });
    // Slack gives up retrying within the hour; older ids are only clutter.
    await services.events.prune(new Date(now.getTime() - 24 * HOUR_MS));
  });
}

async function homeInput(services: Services, userId: SlackUserId, now: Date) {
  const groups = services.groups.all();
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      const [next, items] = await Promise.all([
        services.occurrences.next(group.id, now),
        services.actionItems.list(group.id, { status: 'open', owner: userId }),
      ]);
      const meeting: HomeMeeting | undefined = next && {
        groupName: group.name,
        channelLabel: group.channelLabel,
        timeZone: group.timeZone,
        title: next.title,
        startsAt: new Date(next.startsAt),
        minutesUrl: next.minutes?.url ?? null,
      };
      const today = todayIn(now, group.timeZone);
      const mine = items.map((item): HomeItem => ({ groupName: group.name, item, today }));
      return { meeting, mine };
    }),
  );
  return {
    meetings: perGroup
      .flatMap((g) => (g.meeting ? [g.meeting] : []))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    items: perGroup
      .flatMap((g) => g.mine)
      .sort((a, b) => (a.item.dueDate ?? '9999').localeCompare(b.item.dueDate ?? '9999')),
  };
}
