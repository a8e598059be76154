import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { slackUserId } from '../../core/ids.js';
import { type PublishHomeDeps, publishHome } from '../../usecases/home/publishHome.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** `app_home_opened` on the Home tab → publishHome. */
export function registerAppHome(app: App, deps: PublishHomeDeps): void {
  app.event('app_home_opened', async ({ event, body, logger }: HomeOpenedArgs) => {
    if (event.tab !== 'home') return;
    const outcome = await publishHome(deps, body.event_id, slackUserId(event.user));
    if (outcome === 'retry') logger.debug(`event ${body.event_id} already handled (a Slack retry)`);
  });
}
