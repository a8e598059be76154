import { slackToPlain } from '../minutes/slackToPlain.js';

/**
 * Slack message markup as a person would type it: `<@U1|alice>` → `@alice`,
 * `<https://x|label>` → `label (https://x)`, `<!here>` → `@here`, entities decoded. For
 * prefilling a form with a message's text; whatever comes back is escaped again before the bot
 * repeats it. The one conversion is slackToPlain; this name stays until its callers use it.
 */
export const plainFromMrkdwn = (text: string): string => slackToPlain(text, {}, { everyToken: true });
